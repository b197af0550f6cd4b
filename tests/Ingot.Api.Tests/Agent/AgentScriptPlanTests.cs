namespace Ingot.Api.Tests.Agent;

/// <summary>
/// The agent's <c>script-plan.awk</c> orders a set's scripts and groups them as maas-run-remote-scripts
/// does: the <c>disabled</c> ones alone first, then the <c>instance</c> ones (every instance of one script
/// together), then every <c>any</c> one together; within each, by hardware type (node last) and name.
/// </summary>
public sealed class AgentScriptPlanTests
{
    // NAME, PATH, RESULT ID, VERSION ID, TIMEOUT, HAS_FINISHED, PARALLEL, HARDWARE_TYPE, ARGS (script-list.awk's columns)
    private static string Line(string name, long id, int parallel, int hardwareType, string args = "") =>
        $"{name}\tcommissioning/{name}\t{id}\t1\t60\tfalse\t{parallel}\t{hardwareType}\t{args}";

    private static async Task<string[][]> PlanAsync(params string[] lines)
    {
        string input = Path.Combine(Path.GetTempPath(), $"ingot-plan-{Guid.NewGuid():N}.list");
        await File.WriteAllLinesAsync(input, lines, TestContext.Current.CancellationToken);
        try
        {
            (int exit, string stdout, string stderr) = await AgentShell.RunAsync($"awk -f script-plan.awk '{input}'", null, TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, stderr);
            return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))];
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Disabled_scripts_run_alone_first_then_instances_by_script_then_every_any_script_together()
    {
        AgentShell.SkipWithoutBusybox();

        string[][] plan = await PlanAsync(
            Line("maas-support-info", 1, parallel: 2, hardwareType: 0),
            Line("50-maas-01-commissioning", 2, parallel: 0, hardwareType: 0),
            Line("disk-burn", 3, parallel: 1, hardwareType: 3, args: "--storage=/dev/sda"),
            Line("30-maas-01-bmc-config", 4, parallel: 0, hardwareType: 0),
            Line("cpu-burn", 5, parallel: 1, hardwareType: 1),
            Line("disk-burn", 6, parallel: 1, hardwareType: 3, args: "--storage=/dev/sdb"),
            Line("memtester", 7, parallel: 0, hardwareType: 2),
            Line("cpu-any", 8, parallel: 2, hardwareType: 1),
            Line("maas-lshw", 9, parallel: 2, hardwareType: 0));

        // GROUP, then the input line: (group, name, result id).
        Assert.Equal(
            [("1", "memtester", "7"), ("2", "30-maas-01-bmc-config", "4"), ("3", "50-maas-01-commissioning", "2"),
             ("4", "cpu-burn", "5"), ("5", "disk-burn", "3"), ("5", "disk-burn", "6"),
             ("6", "cpu-any", "8"), ("6", "maas-lshw", "9"), ("6", "maas-support-info", "1")],
            plan.Select(f => (f[0], f[1], f[3])));
        Assert.Equal("--storage=/dev/sdb", plan[5][9]);
    }

    [Fact]
    public async Task A_script_with_an_unknown_parallel_value_runs_alone()
    {
        AgentShell.SkipWithoutBusybox();

        string[][] plan = await PlanAsync(Line("b", 1, parallel: 2, hardwareType: 0), Line("a", 2, parallel: 7, hardwareType: 0), Line("c", 3, parallel: 2, hardwareType: 0));

        Assert.Equal([("1", "a"), ("2", "b"), ("2", "c")], plan.Select(f => (f[0], f[1])));
    }
}
