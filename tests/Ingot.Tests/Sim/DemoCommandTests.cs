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
    public async Task Demo_with_no_options_at_all_keeps_running_once_ready_and_Ctrl_C_stops_it_with_0()
    {
        // The README's first command as written: no options, so the demo's own port (5240) and its live screen.
        if (!Demo.FreePorts.TcpFree(5240))
        {
            Assert.Skip("port 5240, the demo's default, is in use by another process on this host");
        }

        await using IngotProcess demo = IngotProcess.Start(new Dictionary<string, string> { ["XDG_DATA_HOME"] = _dataDir }, "demo");
        const string Running = "Ingot keeps running with its simulated machines; Ctrl-C stops both.";
        await demo.WaitForOutputAsync(Running, TimeSpan.FromMinutes(5));

        // The live screen: bars and a row per machine, redrawn; all twelve at their targets, three deployed.
        string screen = demo.Output[demo.Output.LastIndexOf("\u001b[2J", StringComparison.Ordinal)..];
        Assert.Contains("Enlisted      [##############################]  12/12", screen, StringComparison.Ordinal);
        Assert.Contains("Deployed      [##############################]   3/3", screen, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5240/MAAS/r/", demo.Output, StringComparison.Ordinal);

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.False(demo.HasExited, demo.Tail);
        int code = await demo.SignalAsync("INT", TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"exit {code}:\n{demo.Tail}");
        Assert.True(Demo.FreePorts.TcpFree(5240), "the demo's Ingot stopped listening");
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
