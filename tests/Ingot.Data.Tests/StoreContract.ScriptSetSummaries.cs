using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
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
        // Latest by script name across sets: memtester's is run 1's (added last), fio's and smartctl's their only ones; the
        // built-ins' hardware types by name (memory, storage), fio's none (no script of that name).
        Assert.Equal(
            [new LatestTestingResult(null, ScriptStatus.Passed), new LatestTestingResult(2, ScriptStatus.Failed), new LatestTestingResult(3, ScriptStatus.Degraded)],
            summary.LatestTesting.OrderBy(r => r.HardwareType));
        Assert.Equal([ScriptStatus.Failed], summary.LatestCommissioning);
        Assert.Equal([new ScriptSetHead(ScriptSetKind.Installation, other.Id, 0, other.Id)], all[b.SystemId].Heads);
        Assert.Empty(all[b.SystemId].LatestTesting);
        Assert.False(all.ContainsKey(none.SystemId));
    }

    [Fact]
    public async Task Script_set_summaries_give_each_latest_testing_result_the_hardware_type_of_its_script_by_id()
    {
        await using DataServices data = Database.Open();
        Machine machine = await AddMachineAsync(data, _ => { });
        var gpu = new Script { Name = "gpu-burn", Type = ScriptType.Testing, HardwareType = 5, Created = Now, Updated = Now, Versions = [new ScriptVersion { Data = "#!/bin/sh\n", Created = Now }] };
        var cpu = new Script { Name = "stress-ng-cpu", Type = ScriptType.Testing, HardwareType = 1, Created = Now, Updated = Now, Versions = [new ScriptVersion { Data = "#!/bin/sh\n", Created = Now }] };
        Assert.True(await data.Scripts.AddAsync(gpu, Ct));
        Assert.True(await data.Scripts.AddAsync(cpu, Ct));
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = ScriptSetKind.Testing, Run = 1, Created = Now };
        set.Results.AddRange(
        [
            new ScriptResult { Name = "gpu-burn", ScriptId = (int)gpu.Id, Status = ScriptStatus.Failed, Created = Now, Updated = Now },
            new ScriptResult { Name = "stress-ng-cpu", ScriptId = (int)cpu.Id, Status = ScriptStatus.Running, Created = Now, Updated = Now },
            // Named like a built-in, but its id says which script it is: network-link-check's (4), not memtester's.
            new ScriptResult { Name = "memtester", ScriptId = BuiltInScripts.Find("network-link-check")!.Id, Status = ScriptStatus.Passed, Created = Now, Updated = Now },
            new ScriptResult { Name = "deleted-script", ScriptId = (int)Script.UserIdBase + 999, Status = ScriptStatus.Passed, Created = Now, Updated = Now },
        ]);
        await data.ScriptResults.AddSetAsync(set, Ct);

        ScriptSetSummary summary = (await data.ScriptResults.SummariesAsync([machine.SystemId], Ct))[machine.SystemId];

        Assert.Equal(
            [new LatestTestingResult(null, ScriptStatus.Passed), new LatestTestingResult(1, ScriptStatus.Running), new LatestTestingResult(4, ScriptStatus.Passed), new LatestTestingResult(5, ScriptStatus.Failed)],
            summary.LatestTesting.OrderBy(r => r.HardwareType));
    }

    [Fact]
    public async Task Script_set_summaries_give_the_statuses_of_each_commissioning_script_s_latest_result()
    {
        await using DataServices data = Database.Open();
        Machine machine = await AddMachineAsync(data, _ => { });
        Machine other = await AddMachineAsync(data, _ => { });
        await AddSetAsync(data, machine, ScriptSetKind.Commissioning, 0, ("maas-lshw", ScriptStatus.Failed), ("maas-list-modaliases", ScriptStatus.Passed));
        await AddSetAsync(data, machine, ScriptSetKind.Commissioning, 1, ("maas-lshw", ScriptStatus.Passed), ("20-maas-03-machine-resources", ScriptStatus.Degraded));
        await AddSetAsync(data, machine, ScriptSetKind.Testing, 1, ("memtester", ScriptStatus.Running));
        await AddSetAsync(data, other, ScriptSetKind.Commissioning, 0, ("maas-lshw", ScriptStatus.TimedOut));

        IReadOnlyDictionary<string, ScriptSetSummary> all = await data.ScriptResults.SummariesAsync(null, Ct);

        // lshw's latest is run 1's (Passed), modaliases' its only one (Passed), resources' Degraded: distinct statuses.
        Assert.Equal([ScriptStatus.Passed, ScriptStatus.Degraded], all[machine.SystemId].LatestCommissioning.Order());
        Assert.Equal([new LatestTestingResult(2, ScriptStatus.Running)], all[machine.SystemId].LatestTesting);
        Assert.Equal([ScriptStatus.TimedOut], all[other.SystemId].LatestCommissioning);
        Assert.Empty(all[other.SystemId].LatestTesting);
    }

    private async Task<ScriptSet> AddSetAsync(DataServices data, Machine machine, ScriptSetKind kind, int run, params (string Name, ScriptStatus Status)[] results)
    {
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = kind, Run = run, Created = Now };
        set.Results.AddRange(results.Select(r => new ScriptResult { Name = r.Name, Status = r.Status, Created = Now, Updated = Now }));
        return await data.ScriptResults.AddSetAsync(set, Ct);
    }
}
