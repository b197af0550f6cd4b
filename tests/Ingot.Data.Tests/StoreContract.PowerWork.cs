using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    private static readonly Actor s_powerAdmin = Actor.User("admin", isAdmin: true);

    [Fact]
    public async Task Power_work_lists_requests_and_abandoned_claims_only_and_agrees_with_the_machine_rule()
    {
        const string live = "region-live";
        const string dead = "region-dead";
        IReadOnlySet<string> liveRegions = new HashSet<string> { live };
        await using DataServices data = Database.Open();

        Machine idle = await AddPowerMachineAsync(data, "idle");
        Machine requested = await AddPowerMachineAsync(data, "requested", m => m.Stop(s_powerAdmin, Now));
        Machine claimedLive = await AddPowerMachineAsync(data, "claimed-live", m =>
        {
            m.Stop(s_powerAdmin, Now);
            m.TakeRequestedPower(Now, live, liveRegions);
        });
        Machine claimedDead = await AddPowerMachineAsync(data, "claimed-dead", m =>
        {
            m.Stop(s_powerAdmin, Now);
            m.TakeRequestedPower(Now, dead, new HashSet<string> { dead });
        });

        // A claim made one claim time ago runs out exactly now (a claim at or past its expiry is abandoned).
        Machine runOut = await AddPowerMachineAsync(data, "run-out", m =>
        {
            m.Stop(s_powerAdmin, Now);
            m.TakeRequestedPower(Now - Machine.PowerClaimTime, live, liveRegions);
        });
        Machine notYet = await AddPowerMachineAsync(data, "not-yet", m =>
        {
            m.Stop(s_powerAdmin, Now);
            m.TakeRequestedPower(Now - Machine.PowerClaimTime + TimeSpan.FromSeconds(1), live, liveRegions);
        });
        string[] mine = [idle.SystemId, requested.SystemId, claimedLive.SystemId, claimedDead.SystemId, runOut.SystemId, notYet.SystemId];

        IReadOnlyList<string> work = await data.Machines.PowerWorkAsync(Now, liveRegions, Ct);

        string[] expected = [requested.SystemId, claimedDead.SystemId, runOut.SystemId];
        Assert.Equal(expected, work.Where(mine.Contains).ToArray());
        IReadOnlyList<Machine> all = await data.Machines.ListAsync(Ct);
        Assert.Equal(all.Where(m => m.HasPowerWork(Now, liveRegions)).Select(m => m.SystemId).ToArray(), work.ToArray());
        Assert.Equal(all.Select(m => m.SystemId).Where(work.Contains).ToArray(), work.ToArray());
    }

    [Fact]
    public async Task Power_work_without_live_regions_lists_every_claim_and_nothing_once_results_are_recorded()
    {
        await using DataServices data = Database.Open();
        Machine claimed = await AddPowerMachineAsync(data, "claimed", m =>
        {
            m.Stop(s_powerAdmin, Now);
            m.TakeRequestedPower(Now, "region-gone", new HashSet<string> { "region-gone" });
        });

        Assert.Contains(claimed.SystemId, await data.Machines.PowerWorkAsync(Now, new HashSet<string>(), Ct));

        Machine stored = (await data.Machines.FindAsync(claimed.SystemId, Ct))!;
        stored.RecordPowerResult(PowerRequest.Off, new Core.Power.PowerOutcome(Core.Power.PowerState.Off), Now);
        await data.Machines.SaveAsync(stored, Ct);
        Assert.DoesNotContain(claimed.SystemId, await data.Machines.PowerWorkAsync(Now, new HashSet<string>(), Ct));
    }

    private async Task<Machine> AddPowerMachineAsync(DataServices data, string hostname, Action<Machine>? change = null)
    {
        Machine machine = Machine.Create(TestMachines.NewSystemId(), $"{hostname}-{TestMachines.NewSystemId()}", Now);
        await data.Machines.AddAsync(machine, Ct);
        if (change is not null)
        {
            change(machine);
            await data.Machines.SaveAsync(machine, Ct);
        }

        return machine;
    }
}
