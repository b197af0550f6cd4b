using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Script_set_summaries_give_each_machine_its_newest_and_last_run_sets_and_its_latest_testing_statuses()
    {
        await using DataServices data = Database.Open();
        Machine a = await AddMachineAsync(data, _ => { });
        Machine b = await AddMachineAsync(data, _ => { });
        Machine none = await AddMachineAsync(data, _ => { });
        ScriptSet run2 = await AddSetAsync(data, a, ScriptSetKind.Testing, 2, ("memtester", ScriptStatus.Aborted), ("fio", ScriptStatus.Passed));
        ScriptSet run1 = await AddSetAsync(data, a, ScriptSetKind.Testing, 1, ("memtester", ScriptStatus.Failed), ("smartctl-validate", ScriptStatus.Degraded));
        ScriptSet commissioning = await AddSetAsync(data, a, ScriptSetKind.Commissioning, 1, ("maas-lshw", ScriptStatus.Failed));
        ScriptSet other = await AddSetAsync(data, b, ScriptSetKind.Installation, 0, ("/curtin-install.log", ScriptStatus.Running));

        IReadOnlyDictionary<string, ScriptSetSummary> few = await data.ScriptResults.SummariesAsync([a.SystemId, none.SystemId], Ct);
        IReadOnlyDictionary<string, ScriptSetSummary> all = await data.ScriptResults.SummariesAsync(null, Ct);

        Assert.Equal([a.SystemId], few.Keys);
        ScriptSetSummary summary = few[a.SystemId];
        // Added out of run order: the newest testing set (run 1) is not the last run's (run 2).
        Assert.Equal(
            [new ScriptSetHead(ScriptSetKind.Commissioning, commissioning.Id, 1, commissioning.Id), new ScriptSetHead(ScriptSetKind.Testing, run1.Id, 2, run2.Id)],
            summary.Heads.OrderBy(h => h.Kind));
        // Latest by script name across sets: memtester's is run 1's (added last), fio's and smartctl's their only ones.
        Assert.Equal([ScriptStatus.Passed, ScriptStatus.Failed, ScriptStatus.Degraded], summary.LatestTestingStatuses.Order());
        Assert.Equal([new ScriptSetHead(ScriptSetKind.Installation, other.Id, 0, other.Id)], all[b.SystemId].Heads);
        Assert.Empty(all[b.SystemId].LatestTestingStatuses);
        Assert.False(all.ContainsKey(none.SystemId));
    }

    private async Task<ScriptSet> AddSetAsync(DataServices data, Machine machine, ScriptSetKind kind, int run, params (string Name, ScriptStatus Status)[] results)
    {
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = kind, Run = run, Created = Now };
        set.Results.AddRange(results.Select(r => new ScriptResult { Name = r.Name, Status = r.Status, Created = Now, Updated = Now }));
        return await data.ScriptResults.AddSetAsync(set, Ct);
    }
}
