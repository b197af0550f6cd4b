using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Regions;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// A power cycle claimed by one region that is killed part-way, and taken over by the other region over the
/// same store (two <see cref="MachinePower"/>s, one BMC). The two-region test's failure: region A carried out
/// a cycle on a machine that had turned itself off (the BMC got On), was killed before it saved the result,
/// and region B sent the whole cycle again (ForceOff, On): the machine that was booting was reset.
/// </summary>
public sealed class PowerCycleTakeoverTests
{
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private readonly InMemoryMachineStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 14, 42, 0, TimeSpan.Zero));
    private readonly ResettingBmc _bmc = new();
    private readonly SharedRegions _regions = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_cycle_the_killed_region_turned_into_a_power_on_is_recorded_by_the_other_region_without_a_second_reset()
    {
        // Stored as on (it enlisted on), but the machine turned itself off: the cycle is a power-on at the BMC.
        string id = await CycleRequestedAsync(storedOn: true, bmcOn: false);
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => new MachinePower(_store, _bmc.Through(diesAfterSending: true), _time, a).CarryOutAsync(id, Ct));
        Assert.Equal(["On"], _bmc.Resets);
        _regions.Kill(a);

        Assert.Equal([id], await powerB.PendingAsync(Ct));
        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));

        Assert.Equal(["On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id);
    }

    [Fact]
    public async Task A_cycle_of_a_machine_that_was_on_is_not_repeated_when_the_killed_region_had_sent_its_power_on()
    {
        string id = await CycleRequestedAsync(storedOn: true, bmcOn: true);
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();
        var killedAfterPowerOn = new KilledAtPowerOn(_bmc.Through());

        await Assert.ThrowsAsync<OperationCanceledException>(() => new MachinePower(_store, killedAfterPowerOn, _time, a).CarryOutAsync(id, Ct));
        Assert.Equal(["ForceOff", "On"], _bmc.Resets);
        _regions.Kill(a);

        await powerB.CarryOutAsync(id, Ct);

        Assert.Equal(["ForceOff", "On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id);
    }

    [Fact]
    public async Task A_cycle_the_killed_region_stopped_after_the_power_off_gets_only_its_power_on_from_the_other_region()
    {
        string id = await CycleRequestedAsync(storedOn: true, bmcOn: true);
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();

        // Region A's first action (the cycle's power-off) went out, then A was killed.
        await Assert.ThrowsAsync<OperationCanceledException>(
            () => new MachinePower(_store, _bmc.Through(diesAfterSending: true), _time, a).CarryOutAsync(id, Ct));
        Assert.Equal(["ForceOff"], _bmc.Resets);
        _regions.Kill(a);

        await powerB.CarryOutAsync(id, Ct);

        Assert.Equal(["ForceOff", "On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id);
    }

    [Fact]
    public async Task A_region_whose_cycle_was_taken_over_meanwhile_sends_no_power_on()
    {
        string id = await CycleRequestedAsync(storedOn: true, bmcOn: true);
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();
        var slow = new TakenOverAtPowerOff(_bmc.Through(), () =>
        {
            // Region A is still running but its claim ran out during the power-off: region B takes it over.
            _time.Advance(Machine.PowerClaimTime + TimeSpan.FromSeconds(1));
            return powerB.CarryOutAsync(id, Ct);
        });

        Assert.Null(await new MachinePower(_store, slow, _time, a).CarryOutAsync(id, Ct));

        Assert.Equal(["ForceOff", "On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id);
    }

    private (IRegionLiveness A, MachinePower PowerB) TwoRegions()
    {
        IRegionLiveness a = _regions.Start("region-a");
        IRegionLiveness b = _regions.Start("region-b");
        return (a, new MachinePower(_store, _bmc.Through(), _time, b));
    }

    private async Task<string> CycleRequestedAsync(bool storedOn, bool bmcOn)
    {
        Machine machine = Machine.Create("cyc001", "cyc001-host", Now);
        machine.PowerType = "redfish";
        machine.PowerState = storedOn ? PowerState.On : PowerState.Off;
        machine.ForceStatus(MachineStatus.Ready, UnvalidatedReason.AddedDeployed, Now);
        await _store.AddAsync(machine, Ct);
        machine.StartRescueMode(s_admin, Now, new LifecycleSettings(nodeTimeout: 20));
        Assert.Equal(PowerRequest.Cycle, machine.RequestedPower);
        await _store.SaveAsync(machine, Ct);
        _bmc.IsOn = bmcOn;
        return machine.SystemId;
    }

    private async Task AssertRecordedOnceAsync(string id)
    {
        Machine stored = (await _store.FindAsync(id, Ct))!;
        Assert.Equal(
            (PowerState.On, PowerRequest.None, PowerRequest.None, (string?)null),
            (stored.PowerState, stored.RequestedPower, stored.ClaimedPower, stored.PowerClaimedBy));
        Assert.Equal(
            ["NODE_POWER_CYCLE_STARTING", "NODE_POWERED_ON"],
            (await _store.EventsAsync(id, Ct)).Select(e => e.Type).Where(t => t.StartsWith("NODE_POWER", StringComparison.Ordinal)));
    }

    /// <summary>A region's client that carries out actions and is killed right after a power-on went out.</summary>
    private sealed class KilledAtPowerOn(IPowerClient bmc) : IPowerClient
    {
        public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
        {
            PowerOutcome outcome = await bmc.PerformAsync(command, ct);
            return command.Request is PowerRequest.On or PowerRequest.Cycle
                ? throw new OperationCanceledException("The region was killed before it recorded the result.")
                : outcome;
        }

        public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => bmc.QueryAsync(command, ct);
    }

    /// <summary>A region's client whose power-off takes so long that <paramref name="meanwhile"/> (another region) runs before it returns.</summary>
    private sealed class TakenOverAtPowerOff(IPowerClient bmc, Func<Task<PowerOutcome?>> meanwhile) : IPowerClient
    {
        public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
        {
            PowerOutcome outcome = await bmc.PerformAsync(command, ct);
            if (command.Request is PowerRequest.Off)
            {
                await meanwhile();
            }

            return outcome;
        }

        public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => bmc.QueryAsync(command, ct);
    }
}
