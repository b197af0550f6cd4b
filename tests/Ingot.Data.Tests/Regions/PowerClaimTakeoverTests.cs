using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;
using Ingot.Data.Regions;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests.Regions;

/// <summary>
/// Two regions (two sets of stores, each with its <see cref="PostgresRegionLiveness"/>) on one PostgreSQL
/// database, and a region killed after its BMC call went out and before it saved the result: the other
/// region takes the claim over once the killed region's lock has been gone for the hysteresis, and does not send an action
/// the BMC shows done (the two-region test's machine that was left with a power-on and no result).
/// </summary>
public sealed class PowerClaimTakeoverTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_power_on_sent_by_a_killed_region_is_recorded_by_the_other_region_after_the_hysteresis_and_not_sent_again()
    {
        await using var regions = TwoRegions.Open(database, _time);
        MachinePower powerB = regions.PowerB();
        string id = await PowerOnRequestedAsync(regions.A.Machines);

        await Assert.ThrowsAsync<OperationCanceledException>(() => regions.PowerA(regions.Bmc.Through(diesAfterSending: true)).CarryOutAsync(id, Ct));
        Assert.Empty(await powerB.PendingAsync(Ct));

        await regions.RegionA.DisposeAsync();

        Assert.Equal([id], await PendingOnceRegionStoppedAsync(powerB, regions.RegionA));
        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));
        Assert.Equal([PowerRequest.On], regions.Bmc.Received);
        await AssertRecordedOnceAsync(regions.B.Machines, id);
    }

    /// <summary>
    /// The pending requests once the closed region counts as stopped: PostgreSQL lets go of its advisory lock when its
    /// backend ends (after the client closed the connection, not with it; waited for in real time, at most 10 s), and
    /// the other region takes its claims over only after it has seen it missing for
    /// <see cref="PostgresRegionLiveness.Hysteresis"/> (the test's clock): a moment before, nothing is pending.
    /// </summary>
    private async Task<IReadOnlyList<string>> PendingOnceRegionStoppedAsync(MachinePower power, PostgresRegionLiveness gone)
    {
        await RegionLocks.WaitAsync(database.ConnectionString, gone.RegionId, held: false, Ct);
        Assert.Empty(await power.PendingAsync(Ct));
        _time.Advance(PostgresRegionLiveness.Hysteresis - TimeSpan.FromSeconds(1));
        Assert.Empty(await power.PendingAsync(Ct));
        _time.Advance(TimeSpan.FromSeconds(1));
        return await power.PendingAsync(Ct);
    }

    [Fact]
    public async Task A_claim_that_ran_out_is_not_sent_again_when_the_bmc_shows_it_done()
    {
        await using var regions = TwoRegions.Open(database, _time);
        string id = await PowerOnRequestedAsync(regions.A.Machines);
        await Assert.ThrowsAsync<OperationCanceledException>(() => regions.PowerA(regions.Bmc.Through(diesAfterSending: true)).CarryOutAsync(id, Ct));

        _time.Advance(Machine.PowerClaimTime + TimeSpan.FromSeconds(1));

        Assert.Equal(new PowerOutcome(PowerState.On), await regions.PowerB().CarryOutAsync(id, Ct));
        Assert.Equal([PowerRequest.On], regions.Bmc.Received);
        await AssertRecordedOnceAsync(regions.B.Machines, id);
    }

    [Fact]
    public async Task A_power_on_a_killed_region_never_sent_is_sent_by_the_other_region()
    {
        await using var regions = TwoRegions.Open(database, _time);
        string id = await PowerOnRequestedAsync(regions.A.Machines);

        // Region A took the request (its claim is saved) and was killed before it reached the BMC.
        await TakenByAndStoppedAsync(regions, id);

        MachinePower powerB = regions.PowerB();
        Assert.Equal([id], await PendingOnceRegionStoppedAsync(powerB, regions.RegionA));
        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));
        Assert.Equal([PowerRequest.On], regions.Bmc.Received);
        await AssertRecordedOnceAsync(regions.B.Machines, id);
    }

    [Fact]
    public async Task A_power_on_a_killed_region_sent_is_not_sent_again_when_the_machine_booted_and_turned_itself_off_before_the_takeover()
    {
        // The 200-machine run's sim-173: the BMC shows off at the takeover, but the machine's boot under the claim shows the power-on.
        await using var regions = TwoRegions.Open(database, _time);
        MachinePower powerB = regions.PowerB();
        string id = await PowerOnRequestedAsync(regions.A.Machines);

        await Assert.ThrowsAsync<OperationCanceledException>(() => regions.PowerA(regions.Bmc.Through(diesAfterSending: true)).CarryOutAsync(id, Ct));
        await regions.RegionA.DisposeAsync();
        await NetworkBootAsync(regions.B, id);
        Assert.NotNull((await regions.B.Machines.FindAsync(id, Ct))!.PowerClaimBooted);
        regions.Bmc.State = PowerState.Off;

        Assert.Equal([id], await PendingOnceRegionStoppedAsync(powerB, regions.RegionA));
        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));
        Assert.Equal([PowerRequest.On], regions.Bmc.Received);
        await AssertRecordedOnceAsync(regions.B.Machines, id);
    }

    [Fact]
    public async Task A_power_on_a_killed_region_never_sent_is_sent_though_the_machine_booted_under_the_previous_claim()
    {
        await using var regions = TwoRegions.Open(database, _time);
        string id = await PowerOnRequestedAsync(regions.A.Machines);

        // A first power-on, carried out by region A; the machine network-boots before A has recorded the result
        // (a slow BMC answer). The result clears the boot with the claim. The machine then turns itself off.
        var bootsWhileSending = new BootsWhileSending(regions.Bmc.Through(), () => NetworkBootAsync(regions.B, id));
        Assert.Equal(new PowerOutcome(PowerState.On), await regions.PowerA(bootsWhileSending).CarryOutAsync(id, Ct));
        Assert.Null((await regions.A.Machines.FindAsync(id, Ct))!.PowerClaimBooted);
        regions.Bmc.State = PowerState.Off;
        Machine again = (await regions.A.Machines.FindAsync(id, Ct))!;
        await regions.PowerA(regions.Bmc.Through()).QueryAsync(again, Ct);
        again = (await regions.A.Machines.FindAsync(id, Ct))!;
        again.Start(Actor.User("admin", isAdmin: true), Now, new LifecycleSettings(nodeTimeout: 20));
        await regions.A.Machines.SaveAsync(again, Ct);

        // Region A takes the second power-on (its claim is saved) and is killed before it reaches the BMC.
        await TakenByAndStoppedAsync(regions, id);

        MachinePower powerB = regions.PowerB();
        Assert.Equal([id], await PendingOnceRegionStoppedAsync(powerB, regions.RegionA));
        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));
        Assert.Equal([PowerRequest.On, PowerRequest.On], regions.Bmc.Received);
        IReadOnlyList<string> power = [.. (await regions.B.Machines.EventsAsync(id, Ct)).Select(e => e.Type).Where(t => t.StartsWith("NODE_POWER", StringComparison.Ordinal))];
        Assert.Equal(["NODE_POWER_ON_STARTING", "NODE_POWERED_ON", "NODE_POWER_ON_STARTING", "NODE_POWERED_ON"], power);
    }

    [Fact]
    public async Task A_running_region_sees_itself_and_the_other_running_region()
    {
        await using var regions = TwoRegions.Open(database, _time);

        // A region's lock is taken at its first use, before it can claim anything.
        await regions.RegionA.LiveRegionsAsync(Ct);
        IReadOnlySet<string> seenByB = await regions.RegionB.LiveRegionsAsync(Ct);
        IReadOnlySet<string> seenByA = await regions.RegionA.LiveRegionsAsync(Ct);

        Assert.NotEqual(regions.RegionA.RegionId, regions.RegionB.RegionId);
        Assert.Contains(regions.RegionB.RegionId, seenByA);
        Assert.Contains(regions.RegionA.RegionId, seenByB);
    }

    private async Task<string> PowerOnRequestedAsync(IMachineStore store)
    {
        Machine machine = TestMachines.Ready(Now);
        machine.PowerType = "redfish";
        machine.PowerState = PowerState.Off;
        await store.AddAsync(machine, Ct);
        machine.Start(Actor.User("admin", isAdmin: true), Now, new LifecycleSettings(nodeTimeout: 20));
        await store.SaveAsync(machine, Ct);
        return machine.SystemId;
    }

    /// <summary>Region A takes the machine's power request (its claim is saved) and is stopped before it reaches the BMC.</summary>
    private async Task TakenByAndStoppedAsync(TwoRegions regions, string id)
    {
        Machine taken = (await regions.A.Machines.FindAsync(id, Ct))!;
        taken.TakeRequestedPower(Now, regions.RegionA.RegionId, await regions.RegionA.LiveRegionsAsync(Ct));
        await regions.A.Machines.SaveAsync(taken, Ct);
        await regions.RegionA.DisposeAsync();
    }

    /// <summary>The machine asks a region for its iPXE script, as the HTTP boot endpoint handles it: read, then the boot recorded.</summary>
    private async Task NetworkBootAsync(DataServices region, string id)
    {
        MacAddress mac = (await region.Machines.FindAsync(id, Ct))!.Interfaces[0].MacAddress;
        var boot = new MachineBootBackend(region.Machines, region.Tags, _time);
        _time.Advance(TimeSpan.FromSeconds(3));
        BootRecord record = (await boot.FindByMacAsync(mac, Ct))!;
        await boot.RecordBootAsync(mac, null, record.PowerClaimAwaitingBoot, Ct);
    }

    private static async Task AssertRecordedOnceAsync(IMachineStore store, string id)
    {
        Machine stored = (await store.FindAsync(id, Ct))!;
        Assert.Equal(
            (PowerState.On, PowerRequest.None, PowerRequest.None, (string?)null, (DateTime?)null),
            (stored.PowerState, stored.RequestedPower, stored.ClaimedPower, stored.PowerClaimedBy, stored.PowerClaimBooted));
        IReadOnlyList<string> power = [.. (await store.EventsAsync(id, Ct)).Select(e => e.Type).Where(t => t.StartsWith("NODE_POWER", StringComparison.Ordinal))];
        Assert.Equal(["NODE_POWER_ON_STARTING", "NODE_POWERED_ON"], power);
    }

    /// <summary>A region's client whose BMC call returns only after the machine network-booted (<paramref name="boot"/>).</summary>
    private sealed class BootsWhileSending(IPowerClient bmc, Func<Task> boot) : IPowerClient
    {
        public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
        {
            PowerOutcome outcome = await bmc.PerformAsync(command, ct);
            await boot();
            return outcome;
        }

        public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => bmc.QueryAsync(command, ct);
    }
}
