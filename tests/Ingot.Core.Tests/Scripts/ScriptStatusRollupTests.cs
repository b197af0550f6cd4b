using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;

namespace Ingot.Core.Tests.Scripts;

/// <summary>MAAS's <c>get_status_from_qs</c> as the machine JSON's <c>testing_status</c> and per-hardware test statuses use it, and the current set ids.</summary>
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
            new CurrentScriptSets(commissioning.Id, tests.Id, null, ScriptStatus.Failed, new HardwareTestStatuses(null, ScriptStatus.Failed, null, null, null)),
            CurrentScriptSets.Of(machine, summaries[machine.SystemId]));
        Assert.Equal(CurrentScriptSets.None, CurrentScriptSets.Of(machine, null));
    }

    [Fact]
    public async Task Commissioning_status_rolls_up_the_latest_result_of_each_commissioning_script_across_sets()
    {
        var store = new InMemoryScriptResultStore();
        Machine machine = Machine.Create("cur0002", "cur", DateTime.UnixEpoch);
        await AddAsync(store, machine, ScriptSetKind.Commissioning, 0, ("maas-lshw", ScriptStatus.Failed), ("maas-list-modaliases", ScriptStatus.Passed));
        await AddAsync(store, machine, ScriptSetKind.Commissioning, 1, ("maas-lshw", ScriptStatus.Passed), ("maas-serial-ports", ScriptStatus.Aborted));
        await AddAsync(store, machine, ScriptSetKind.Testing, 1, ("memtester", ScriptStatus.Running));

        // lshw's latest result passed (its failure is an older set's), the aborted one is left out, testing is not mixed in.
        CurrentScriptSets passed = CurrentScriptSets.Of(machine, (await store.SummariesAsync([machine.SystemId], TestContext.Current.CancellationToken))[machine.SystemId]);
        Assert.Equal((ScriptStatus.Passed, ScriptStatus.Running), (passed.CommissioningStatus, passed.TestingStatus));

        await AddAsync(store, machine, ScriptSetKind.Commissioning, 2, ("maas-lshw", ScriptStatus.Degraded), ("maas-list-modaliases", ScriptStatus.Running));
        CurrentScriptSets running = CurrentScriptSets.Of(machine, (await store.SummariesAsync(null, TestContext.Current.CancellationToken))[machine.SystemId]);
        Assert.Equal(ScriptStatus.Running, running.CommissioningStatus);

        Machine aborted = Machine.Create("cur0003", "cur", DateTime.UnixEpoch);
        await AddAsync(store, aborted, ScriptSetKind.Commissioning, 0, ("maas-lshw", ScriptStatus.Aborted));
        Assert.Null(CurrentScriptSets.Of(aborted, (await store.SummariesAsync(null, TestContext.Current.CancellationToken))[aborted.SystemId]).CommissioningStatus);
    }

    [Fact]
    public void Each_hardware_status_rolls_up_the_results_of_its_scripts_node_scripts_are_other_and_gpu_or_unknown_count_in_none()
    {
        HardwareTestStatuses statuses = HardwareTestStatuses.Of(
        [
            new LatestTestingResult(1, ScriptStatus.Passed), new LatestTestingResult(1, ScriptStatus.Degraded),
            new LatestTestingResult(2, ScriptStatus.Aborted),
            new LatestTestingResult(3, ScriptStatus.TimedOut), new LatestTestingResult(3, ScriptStatus.Passed),
            new LatestTestingResult(4, ScriptStatus.Running),
            new LatestTestingResult(0, ScriptStatus.Skipped),
            new LatestTestingResult(5, ScriptStatus.Failed), new LatestTestingResult(null, ScriptStatus.Failed),
        ]);

        Assert.Equal(new HardwareTestStatuses(ScriptStatus.Degraded, null, ScriptStatus.Failed, ScriptStatus.Running, ScriptStatus.Passed), statuses);
        Assert.Equal(HardwareTestStatuses.None, HardwareTestStatuses.Of([]));
    }

    [Theory]
    [InlineData(8, "memtester", 3)] // the id wins over the name
    [InlineData(null, "memtester", 2)]
    [InlineData(null, "fio", null)]
    [InlineData(999, "x", null)] // no built-in has that id
    [InlineData(1001, "burn", 1)]
    [InlineData(1002, "gone", null)]
    public void A_result_s_hardware_type_is_its_script_s(int? scriptId, string name, int? expected) =>
        Assert.Equal(expected, LatestTestingResult.HardwareTypeOf(scriptId, name, new Dictionary<long, int> { [1001] = 1 }));

    private static async Task AddAsync(InMemoryScriptResultStore store, Machine machine, ScriptSetKind kind, int run, params (string Name, ScriptStatus Status)[] results)
    {
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = kind, Run = run };
        set.Results.AddRange(results.Select(r => new ScriptResult { Name = r.Name, Status = r.Status }));
        await store.AddSetAsync(set, TestContext.Current.CancellationToken);
    }
}
