using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Regions;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// A power-on or cycle taken over from a killed region, decided by the machine's own evidence: a network boot
/// (its iPXE script request, recorded through <see cref="MachineBootBackend"/>) under the claim. The 200-machine
/// two-region run's failure: region A sent a cycle's power-on and was killed before recording it; the machine
/// booted, finished and turned itself off; region B took the claim over ~16 s later, the BMC showed off, and B
/// sent the power-on again. Both orders of the kill are here: a power-on that never reached the BMC is still sent.
/// </summary>
public sealed class PowerTakeoverAfterBootTests
{
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private static readonly MacAddress s_mac = MacAddress.Parse("52:54:00:aa:00:01");
    private readonly InMemoryMachineStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 23, 41, 0, TimeSpan.Zero));
    private readonly ResettingBmc _bmc = new();
    private readonly SharedRegions _regions = new();
    private readonly MachineBootBackend _boot;

    public PowerTakeoverAfterBootTests() => _boot = new MachineBootBackend(_store, new InMemoryTagStore(), _time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_cycle_the_killed_region_turned_into_a_power_on_is_not_sent_again_after_the_machine_booted_and_turned_itself_off()
    {
        string id = await CycleRequestedAsync(bmcOn: false);
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => new MachinePower(_store, _bmc.Through(diesAfterSending: true), _time, a).CarryOutAsync(id, Ct));
        Assert.Equal(["On"], _bmc.Resets);
        _regions.Kill(a);
        await BootsAndTurnsItselfOffAsync();

        Assert.Equal([id], await powerB.PendingAsync(Ct));
        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));

        Assert.Equal(["On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id, "NODE_POWER_CYCLE_STARTING");
    }

    [Fact]
    public async Task A_power_on_the_killed_region_sent_is_not_sent_again_after_the_machine_booted_and_turned_itself_off()
    {
        string id = await PowerOnRequestedAsync();
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => new MachinePower(_store, _bmc.Through(diesAfterSending: true), _time, a).CarryOutAsync(id, Ct));
        _regions.Kill(a);
        await BootsAndTurnsItselfOffAsync();

        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));

        Assert.Equal(["On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id, "NODE_POWER_ON_STARTING");
    }

    [Fact]
    public async Task A_power_on_the_killed_region_never_sent_is_sent_though_the_machine_booted_before_the_request()
    {
        // A boot before the request (enlistment, the last commissioning) is no evidence for it.
        await AddMachineAsync(PowerState.Off);
        await NetworkBootAsync();
        string id = await PowerOnRequestedAsync(added: true);
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();

        // Region A took the request (its claim is saved) and was killed before it reached the BMC.
        Machine taken = (await _store.FindAsync(id, Ct))!;
        taken.TakeRequestedPower(Now, a.RegionId, await a.LiveRegionsAsync(Ct));
        await _store.SaveAsync(taken, Ct);
        _regions.Kill(a);

        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));

        Assert.Equal(["On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id, "NODE_POWER_ON_STARTING");
    }

    [Fact]
    public async Task A_cycle_whose_machine_booted_on_its_own_before_the_killed_region_turned_it_off_still_gets_its_power_on()
    {
        // The machine (on) network-boots after the cycle was claimed, then region A sends the cycle's power-off
        // and is killed before its claim moves on to the power-on: the boot is no evidence, the BMC shows off.
        string id = await CycleRequestedAsync(bmcOn: true);
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();
        var bootsBeforePowerOff = new BootsAtQuery(_bmc.Through(diesAfterSending: true), NetworkBootAsync);

        await Assert.ThrowsAsync<OperationCanceledException>(() => new MachinePower(_store, bootsBeforePowerOff, _time, a).CarryOutAsync(id, Ct));
        Assert.Equal(["ForceOff"], _bmc.Resets);
        Assert.NotNull((await _store.FindAsync(id, Ct))!.PowerClaimBooted);
        _regions.Kill(a);

        await powerB.CarryOutAsync(id, Ct);

        Assert.Equal(["ForceOff", "On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id, "NODE_POWER_CYCLE_STARTING");
    }

    [Fact]
    public async Task A_cycle_whose_machine_booted_under_the_claim_and_is_on_is_not_reset_by_the_other_region()
    {
        // Region A took the cycle and was killed before it reached the BMC; the machine network-booted meanwhile
        // (it was rebooting into the status's boot anyway) and is on: the cycle's purpose is met, nothing is sent.
        string id = await CycleRequestedAsync(bmcOn: true);
        (IRegionLiveness a, MachinePower powerB) = TwoRegions();
        Machine taken = (await _store.FindAsync(id, Ct))!;
        taken.TakeRequestedPower(Now, a.RegionId, await a.LiveRegionsAsync(Ct));
        await _store.SaveAsync(taken, Ct);
        await NetworkBootAsync();
        _regions.Kill(a);

        Assert.Equal(new PowerOutcome(PowerState.On), await powerB.CarryOutAsync(id, Ct));

        Assert.Empty(_bmc.Resets);
        await AssertRecordedOnceAsync(id, "NODE_POWER_CYCLE_STARTING");
    }

    [Fact]
    public async Task A_power_on_whose_region_is_running_is_sent_by_it_and_a_boot_without_a_claim_saves_nothing()
    {
        // The one-region path: the boot comes after the result is recorded, so nothing is written for it.
        string id = await PowerOnRequestedAsync();
        IRegionLiveness a = _regions.Start("region-a");

        Assert.Equal(new PowerOutcome(PowerState.On), await new MachinePower(_store, _bmc.Through(), _time, a).CarryOutAsync(id, Ct));
        long version = (await _store.FindAsync(id, Ct))!.Version;
        await NetworkBootAsync();

        Machine stored = (await _store.FindAsync(id, Ct))!;
        Assert.Equal((version, (DateTime?)null), (stored.Version, stored.PowerClaimBooted));
        Assert.Equal(["On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id, "NODE_POWER_ON_STARTING");
    }

    [Fact]
    public async Task The_power_layer_is_told_when_the_machine_network_booted_under_its_own_regions_power_on()
    {
        // The one-region path with a fast machine: the power-on is sent, the machine boots, commissions and turns
        // itself off before the power layer's query. The query shows off; the command's evidence says it booted
        // under the claim, so the power layer does not send the power-on again (PowerActions).
        string id = await PowerOnRequestedAsync();
        var client = new BootsWhenPoweredOn(_bmc.Through(), BootsAndTurnsItselfOffAsync);

        Assert.Equal(new PowerOutcome(PowerState.On), await new MachinePower(_store, client, _time, _regions.Start("region-a")).CarryOutAsync(id, Ct));

        Assert.Equal((false, true), (client.BootedBefore, client.BootedAfter));
        Assert.Equal(["On"], _bmc.Resets);
        await AssertRecordedOnceAsync(id, "NODE_POWER_ON_STARTING");
    }

    [Fact]
    public void A_boot_is_recorded_only_under_the_claim_step_the_boot_server_saw_and_only_for_a_power_on_or_cycle()
    {
        Machine machine = Machine.Create("boot02", "boot02-host", Now);
        machine.PowerType = "redfish";
        machine.PowerState = PowerState.On;
        machine.ForceStatus(MachineStatus.Ready, UnvalidatedReason.AddedDeployed, Now);
        machine.StartRescueMode(s_admin, Now, new LifecycleSettings(nodeTimeout: 20));
        Assert.Null(machine.PowerClaimAwaitingBoot);
        machine.TakeRequestedPower(Now, "region-a", new HashSet<string> { "region-a" });
        DateTime? cycleStep = machine.PowerClaimAwaitingBoot;
        Assert.NotNull(cycleStep);

        // The boot server read the machine at the cycle's first step; the claim moved on to the power-on since.
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(machine.AdvancePowerClaim(PowerRequest.Cycle, PowerRequest.On, "region-a", Now));
        Assert.False(machine.RecordBootUnderPowerClaim(cycleStep, Now));
        Assert.False(machine.RecordBootUnderPowerClaim(null, Now));
        Assert.True(machine.RecordBootUnderPowerClaim(machine.PowerClaimAwaitingBoot, Now));
        Assert.Equal(Now, machine.PowerClaimBooted);
        Assert.Null(machine.PowerClaimAwaitingBoot);

        // Kept by a takeover, cleared with the result.
        machine.TakeRequestedPower(Now + Machine.PowerClaimTime, "region-b", new HashSet<string> { "region-b" });
        Assert.Equal(Now, machine.PowerClaimBooted);
        machine.RecordPowerResult(PowerRequest.On, new PowerOutcome(PowerState.On), Now);
        Assert.Null(machine.PowerClaimBooted);

        // A power-off does not wait for a boot.
        machine.Stop(s_admin, Now);
        machine.TakeRequestedPower(Now, "region-b", new HashSet<string> { "region-b" });
        Assert.Equal(PowerRequest.Off, machine.ClaimedPower);
        Assert.Null(machine.PowerClaimAwaitingBoot);
    }

    private (IRegionLiveness A, MachinePower PowerB) TwoRegions()
    {
        IRegionLiveness a = _regions.Start("region-a");
        IRegionLiveness b = _regions.Start("region-b");
        return (a, new MachinePower(_store, _bmc.Through(), _time, b));
    }

    /// <summary>The machine asks for its iPXE script as the HTTP boot endpoint handles it: read, then the boot recorded.</summary>
    private async Task NetworkBootAsync()
    {
        _time.Advance(TimeSpan.FromSeconds(3));
        BootRecord record = (await _boot.FindByMacAsync(s_mac, Ct))!;
        await _boot.RecordBootAsync(s_mac, null, record.PowerClaimAwaitingBoot, Ct);
    }

    /// <summary>The timing-profile machine after a power-on: it network-boots, runs, and powers itself off before the takeover.</summary>
    private async Task BootsAndTurnsItselfOffAsync()
    {
        Assert.True(_bmc.IsOn);
        await NetworkBootAsync();
        _bmc.IsOn = false;
        _time.Advance(TimeSpan.FromSeconds(13));
    }

    private async Task<Machine> AddMachineAsync(PowerState stored)
    {
        Machine machine = Machine.Create("boot01", "boot01-host", Now);
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = s_mac });
        machine.BootInterfaceMac = s_mac;
        machine.PowerType = "redfish";
        machine.PowerState = stored;
        machine.ForceStatus(MachineStatus.Ready, UnvalidatedReason.AddedDeployed, Now);
        await _store.AddAsync(machine, Ct);
        return machine;
    }

    private async Task<string> PowerOnRequestedAsync(bool added = false)
    {
        Machine machine = added ? (await _store.FindAsync("boot01", Ct))! : await AddMachineAsync(PowerState.Off);
        machine.Start(s_admin, Now, new LifecycleSettings(nodeTimeout: 20));
        Assert.Equal(PowerRequest.On, machine.RequestedPower);
        await _store.SaveAsync(machine, Ct);
        return machine.SystemId;
    }

    /// <summary>Stored as on (it enlisted on), so the status's power action is a cycle; <paramref name="bmcOn"/>: whether it still is.</summary>
    private async Task<string> CycleRequestedAsync(bool bmcOn)
    {
        Machine machine = await AddMachineAsync(PowerState.On);
        machine.StartRescueMode(s_admin, Now, new LifecycleSettings(nodeTimeout: 20));
        Assert.Equal(PowerRequest.Cycle, machine.RequestedPower);
        await _store.SaveAsync(machine, Ct);
        _bmc.IsOn = bmcOn;
        return machine.SystemId;
    }

    private async Task AssertRecordedOnceAsync(string id, string starting)
    {
        Machine stored = (await _store.FindAsync(id, Ct))!;
        Assert.Equal(
            (PowerState.On, PowerRequest.None, PowerRequest.None, (string?)null, (DateTime?)null),
            (stored.PowerState, stored.RequestedPower, stored.ClaimedPower, stored.PowerClaimedBy, stored.PowerClaimBooted));
        Assert.Equal(
            [starting, "NODE_POWERED_ON"],
            (await _store.EventsAsync(id, Ct)).Select(e => e.Type).Where(t => t.StartsWith("NODE_POWER", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A region's client whose power-on reaches the BMC and the machine then network-boots (<paramref name="boot"/>);
    /// it reads the command's evidence (<see cref="PowerCommand.NetworkBooted"/>) before and after, as the power layer
    /// does when its query shows the machine off.
    /// </summary>
    private sealed class BootsWhenPoweredOn(IPowerClient bmc, Func<Task> boot) : IPowerClient
    {
        public bool? BootedBefore { get; private set; }

        public bool? BootedAfter { get; private set; }

        public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(command);
            Assert.NotNull(command.NetworkBooted);
            await bmc.PerformAsync(command, ct);
            BootedBefore = await command.NetworkBooted(ct);
            await boot();
            BootedAfter = await command.NetworkBooted(ct);
            return new PowerOutcome(PowerState.On);
        }

        public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => bmc.QueryAsync(command, ct);
    }

    /// <summary>A region's client during whose BMC query (after the claim was taken, before any action) the machine network-boots.</summary>
    private sealed class BootsAtQuery(IPowerClient bmc, Func<Task> boot) : IPowerClient
    {
        public Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct) => bmc.PerformAsync(command, ct);

        public async Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct)
        {
            await boot();
            return await bmc.QueryAsync(command, ct);
        }
    }
}
