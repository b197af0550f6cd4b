using Ingot.Tests.Serving;

namespace Ingot.Tests.Sim;

/// <summary><c>ingot demo --headless --exit-when-ready</c> as a user runs it: a process, SQLite, no root.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("ingot-demo-").FullName;

    [Fact]
    public async Task Demo_headless_exits_zero_once_twelve_machines_are_ready_and_three_deployed()
    {
        await using IngotProcess demo = IngotProcess.Start(
            new Dictionary<string, string> { ["XDG_DATA_HOME"] = _dataDir },
            "demo", "--headless", "--exit-when-ready", "--port", "0", "--timeout", "360");
        int code = await demo.WaitForExitAsync(TimeSpan.FromMinutes(7), "the demo to reach its targets");
        string output = demo.Output;

        Assert.True(code == 0, output);
        Assert.Contains("every machine reached its target", output, StringComparison.Ordinal);
        Assert.Equal(3, output.Split('\n').Count(l => l.EndsWith(": Deployed", StringComparison.Ordinal)));
        Assert.Equal(12, output.Split('\n').Where(l => l.EndsWith(": Ready", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).Distinct().Count());
        Assert.Contains("/MAAS/r/", output, StringComparison.Ordinal);
        Assert.Matches(@"API key:\s+\w+:\w+:\w+", output);
        Assert.True(File.Exists(Path.Combine(_dataDir, "ingot", "demo", "ingot.db")), "the demo's SQLite database is in DATA/demo");
    }

    [Fact]
    public async Task Demo_rejects_a_bad_failure_spec_with_a_usage_error()
    {
        (int code, string output) = await IngotProcess.RunAsync(
            new Dictionary<string, string> { ["XDG_DATA_HOME"] = _dataDir }, "demo", "--headless", "--failures", "3=melt");

        Assert.Equal(2, code);
        Assert.Contains("unknown failure", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
