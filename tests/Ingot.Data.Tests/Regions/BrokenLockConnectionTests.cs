using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;
using Ingot.Data.Regions;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests.Regions;

/// <summary>
/// A region whose lock connection breaks while it runs (its backend ended with <c>pg_terminate_backend</c>, as a
/// PostgreSQL restart or a cut idle connection would): the other region does not take its power claim over while
/// it is missing for less than <see cref="PostgresRegionLiveness.Hysteresis"/>, and the region takes its lock back
/// by itself at its next check (<see cref="PostgresRegionLiveness.KeepAsync"/>), without a power request. The
/// test's clock drives the checks and the hysteresis; only PostgreSQL's own work is waited for in real time.
/// </summary>
/// <remarks>The tests share one database, so they look only at their own machine among the pending ones.</remarks>
public sealed class BrokenLockConnectionTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_region_whose_lock_backend_is_terminated_keeps_its_claim_and_takes_its_lock_back_at_its_next_check()
    {
        database.RequireAvailable();
        await using DataServices a = database.Open();
        await using DataServices b = database.Open();
        await using var regionA = new PostgresRegionLiveness(database.ConnectionString, _time);
        await using var regionB = new PostgresRegionLiveness(database.ConnectionString, _time);
        var powerB = new MachinePower(b.Machines, new SimulatedBmc().Through(), _time, regionB);
        string id = await ClaimedByAsync(a.Machines, regionA);
        Assert.Contains(regionA.RegionId, await regionB.LiveRegionsAsync(Ct));
        int reopened = 0;
        var failures = new List<Exception>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task keep = regionA.KeepAsync(() => Interlocked.Increment(ref reopened), failures.Add, stop.Token);

        int before = await RegionLocks.TerminateAsync(database.ConnectionString, regionA.RegionId, Ct);

        // Region B sees A's lock gone: A is missing, not stopped, and its claim is not B's to take.
        Assert.DoesNotContain(id, await powerB.PendingAsync(Ct));
        Assert.Contains(regionA.RegionId, await regionB.LiveRegionsAsync(Ct));

        _time.Advance(PostgresRegionLiveness.CheckInterval);
        await RegionLocks.WaitAsync(database.ConnectionString, regionA.RegionId, held: true, Ct);
        Assert.NotEqual(before, await RegionLocks.HolderAsync(database.ConnectionString, regionA.RegionId, Ct));

        // Past the hysteresis A is running again, so its claim is still its own.
        _time.Advance(PostgresRegionLiveness.Hysteresis);
        Assert.DoesNotContain(id, await powerB.PendingAsync(Ct));
        Assert.Contains(regionA.RegionId, await regionB.LiveRegionsAsync(Ct));
        Assert.Equal(regionA.RegionId, (await b.Machines.FindAsync(id, Ct))!.PowerClaimedBy);
        await stop.CancelAsync();
        await keep;
        Assert.Equal(1, reopened);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_region_whose_lock_backend_is_terminated_reads_the_running_regions_on_a_new_connection()
    {
        database.RequireAvailable();
        await using var regionA = new PostgresRegionLiveness(database.ConnectionString, _time);
        await regionA.LiveRegionsAsync(Ct);
        int before = await RegionLocks.TerminateAsync(database.ConnectionString, regionA.RegionId, Ct);

        Assert.Contains(regionA.RegionId, await regionA.LiveRegionsAsync(Ct));

        Assert.NotEqual(before, await RegionLocks.HolderAsync(database.ConnectionString, regionA.RegionId, Ct));
    }

    [Fact]
    public async Task A_region_whose_lock_stays_gone_is_stopped_after_the_hysteresis_and_its_claim_taken_over()
    {
        database.RequireAvailable();
        var bmc = new SimulatedBmc();
        await using DataServices a = database.Open();
        await using DataServices b = database.Open();
        await using var regionA = new PostgresRegionLiveness(database.ConnectionString, _time);
        await using var regionB = new PostgresRegionLiveness(database.ConnectionString, _time);
        var powerB = new MachinePower(b.Machines, bmc.Through(), _time, regionB);
        string id = await ClaimedByAsync(a.Machines, regionA);
        await regionB.LiveRegionsAsync(Ct);

        // No check loop in A: its lock stays gone, as a killed region's.
        await RegionLocks.TerminateAsync(database.ConnectionString, regionA.RegionId, Ct);
        Assert.DoesNotContain(id, await powerB.PendingAsync(Ct));
        _time.Advance(PostgresRegionLiveness.Hysteresis - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(id, await powerB.PendingAsync(Ct));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Contains(id, await powerB.PendingAsync(Ct));
        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));
        Assert.Equal([PowerRequest.On], bmc.Received);
    }

    [Fact]
    public async Task A_region_started_while_another_region_s_lock_is_gone_does_not_take_its_claim_before_it_has_watched_for_the_hysteresis()
    {
        database.RequireAvailable();
        await using DataServices a = database.Open();
        await using DataServices c = database.Open();
        await using var regionA = new PostgresRegionLiveness(database.ConnectionString, _time);
        string id = await ClaimedByAsync(a.Machines, regionA);
        await RegionLocks.TerminateAsync(database.ConnectionString, regionA.RegionId, Ct);

        // Region C starts now and has never seen A running.
        await using var regionC = new PostgresRegionLiveness(database.ConnectionString, _time);
        var powerC = new MachinePower(c.Machines, new SimulatedBmc().Through(), _time, regionC);
        Assert.DoesNotContain(id, await powerC.PendingAsync(Ct));
        _time.Advance(PostgresRegionLiveness.Hysteresis - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(id, await powerC.PendingAsync(Ct));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Contains(id, await powerC.PendingAsync(Ct));
    }

    /// <summary>A machine whose power-on <paramref name="region"/> took (its claim saved) and has not carried out yet.</summary>
    private async Task<string> ClaimedByAsync(IMachineStore store, PostgresRegionLiveness region)
    {
        Machine machine = TestMachines.Ready(Now);
        machine.PowerType = "redfish";
        machine.PowerState = PowerState.Off;
        await store.AddAsync(machine, Ct);
        machine.Start(Actor.User("admin", isAdmin: true), Now, new LifecycleSettings(nodeTimeout: 20));
        await store.SaveAsync(machine, Ct);
        Machine taken = (await store.FindAsync(machine.SystemId, Ct))!;
        taken.TakeRequestedPower(Now, region.RegionId, await region.LiveRegionsAsync(Ct));
        await store.SaveAsync(taken, Ct);
        return machine.SystemId;
    }
}
