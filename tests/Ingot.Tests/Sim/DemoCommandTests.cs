using System.Text.RegularExpressions;
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

        string[] lines = output.Split('\n');
        Assert.True(code == 0, output);
        Assert.True(output.Contains("every machine reached its target", StringComparison.Ordinal), output);
        Assert.True(lines.Count(l => l.EndsWith(": Deployed", StringComparison.Ordinal)) == 3, output);

        // Headless prints a machine's status when it changes between two looks, so a machine deployed
        // quickly may never be seen Ready; every machine is seen Ready or Deployed.
        Assert.True(lines.Where(l => l.EndsWith(": Ready", StringComparison.Ordinal) || l.EndsWith(": Deployed", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).Distinct().Count() == 12, output);
        Assert.True(output.Contains("/MAAS/r/", StringComparison.Ordinal), output);
        Assert.Matches(@"API key:\s+\w+:\w+:\w+", output);
        string database = Path.Combine(_dataDir, "ingot", "demo", "ingot.db");
        Assert.True(File.Exists(database), $"the demo's SQLite database is {database}; the data directory holds: {string.Join(", ", Directory.GetFileSystemEntries(_dataDir, "*", SearchOption.AllDirectories))}");
    }

    [Fact]
    public async Task Demo_without_exit_when_ready_keeps_running_once_ready_and_Ctrl_C_stops_it_with_0()
    {
        await using IngotProcess demo = IngotProcess.Start(
            new Dictionary<string, string> { ["XDG_DATA_HOME"] = _dataDir },
            "demo", "--headless", "--port", "0", "--machines", "2", "--deploy", "1");
        const string Running = "Ingot keeps running with its simulated machines; Ctrl-C stops both.";
        long started = TimeProvider.System.GetTimestamp();
        while (!demo.Output.Contains(Running, StringComparison.Ordinal))
        {
            Assert.False(demo.HasExited, $"the demo exited before it was ready:\n{demo.Output}");
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(4), $"Waited 4 min for '{Running}':\n{demo.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }

        // Still running a few seconds later; headless, the credentials are printed once, not at every step.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.False(demo.HasExited, demo.Output);
        Assert.True(Regex.Count(demo.Output, @"API key:\s+\w+:\w+:\w+") == 1, demo.Output);

        int code = await demo.SignalAsync("INT", TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"exit {code}:\n{demo.Output}");
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
