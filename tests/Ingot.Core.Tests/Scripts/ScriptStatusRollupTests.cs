using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;

namespace Ingot.Core.Tests.Scripts;

/// <summary>MAAS's <c>get_status_from_qs</c> as the machine JSON's <c>testing_status</c> uses it, and the current set ids.</summary>
public sealed class ScriptStatusRollupTests
{
    [Theory]
    [InlineData(new ScriptStatus[0], null)]
    [InlineData(new[] { ScriptStatus.Aborted }, null)]
    [InlineData(new[] { ScriptStatus.Passed, ScriptStatus.Skipped }, ScriptStatus.Passed)]
    [InlineData(new[] { ScriptStatus.Passed, ScriptStatus.Degraded }, ScriptStatus.Degraded)]
    [InlineData(new[] { ScriptStatus.Degraded, ScriptStatus.TimedOut }, ScriptStatus.Failed)]
    [InlineData(new[] { ScriptStatus.FailedInstalling }, ScriptStatus.Failed)]
    [InlineData(new[] { ScriptStatus.FailedApplyingNetconf, ScriptStatus.Passed }, ScriptStatus.Failed)]
    [InlineData(new[] { ScriptStatus.Failed, ScriptStatus.Aborted }, ScriptStatus.Failed)]
    [InlineData(new[] { ScriptStatus.Failed, ScriptStatus.Pending }, ScriptStatus.Pending)]
    [InlineData(new[] { ScriptStatus.Pending, ScriptStatus.Installing }, ScriptStatus.Running)]
    [InlineData(new[] { ScriptStatus.ApplyingNetconf, ScriptStatus.Failed }, ScriptStatus.Running)]
    public void Health_follows_maas_precedence_and_leaves_aborted_results_out(ScriptStatus[] latest, ScriptStatus? expected) =>
        Assert.Equal(expected, ScriptStatusRollup.Health(latest));

    [Fact]
    public void Overall_puts_aborted_before_failed_as_maas_does()
    {
        Assert.Equal(ScriptStatus.Aborted, ScriptStatusRollup.Overall(new HashSet<ScriptStatus> { ScriptStatus.Failed, ScriptStatus.Aborted }));
    }

    [Fact]
    public async Task The_current_set_is_this_run_s_else_the_newest_of_its_kind()
    {
        var store = new InMemoryScriptResultStore();
        Machine machine = Machine.Create("cur0001", "cur", DateTime.UnixEpoch);
        ScriptSet commissioning = await store.AddSetAsync(new ScriptSet { SystemId = machine.SystemId, Kind = ScriptSetKind.Commissioning, Run = 0 }, TestContext.Current.CancellationToken);
        machine.BeginScriptRun();
        var tests = new ScriptSet { SystemId = machine.SystemId, Kind = ScriptSetKind.Testing, Run = 1 };
        tests.Results.Add(new ScriptResult { Name = "memtester", Status = ScriptStatus.Failed });
        tests = await store.AddSetAsync(tests, TestContext.Current.CancellationToken);

        IReadOnlyDictionary<string, ScriptSetSummary> summaries = await store.SummariesAsync([machine.SystemId, "other"], TestContext.Current.CancellationToken);
        Assert.Equal(
            new CurrentScriptSets(commissioning.Id, tests.Id, null, ScriptStatus.Failed),
            CurrentScriptSets.Of(machine, summaries[machine.SystemId]));
        Assert.Equal(CurrentScriptSets.None, CurrentScriptSets.Of(machine, null));
    }
}
