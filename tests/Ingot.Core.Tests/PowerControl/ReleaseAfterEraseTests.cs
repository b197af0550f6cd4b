using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Metadata;
using Ingot.Core.Power;
using Ingot.Core.Scripts;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Tests.Scripts;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// "Erase finished → READY → off" records one outcome whichever side turns the machine off first: Ingot's
/// power-off (the one <c>_release</c> asks for when cloud-init's modules-final ends the erase) or the erase
/// environment's own (its preseed's power_state). The release's off is always carried out and finishes the
/// release; a query that finds the machine off meanwhile stores the state and records nothing.
/// </summary>
public sealed class ReleaseAfterEraseTests
{
    private const string SystemId = "erase1";

    /// <summary>MAAS's events after the erase's OK signal, oldest first: type, description.</summary>
    private static readonly (string Type, string Description)[] s_expected =
    [
        ("NODE_STATUS_EVENT", "Disk erasing finished"),
        ("REQUEST_NODE_RELEASE", ""),
        ("NODE_CHANGED_STATUS", "From 'Disk erasing' to 'Releasing'"),
        ("NODE_POWER_OFF_STARTING", ""),
        ("NODE_POWERED_OFF", ""),
        ("NODE_CHANGED_STATUS", "From 'Releasing' to 'Ready'"),
        ("RELEASED", ""),
    ];

    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private readonly InMemoryMachineStore _store = new();
    private readonly InMemoryScriptResultStore _results = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly GatedPowerClient _bmc = new();
    private readonly MachinePower _power;

    public ReleaseAfterEraseTests() => _power = new MachinePower(_store, _bmc, _time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Ingot_turning_the_machine_off_first_records_maas_release_events_once()
    {
        await EraseFinishedAsync();

        await _power.CarryOutAsync(SystemId, Ct);
        await AgentPowersOffAsync();

        Assert.Equal(s_expected, await EventsAfterEraseAsync());
        Assert.Equal((MachineStatus.Ready, PowerState.Off), await StatusAndPowerAsync());
    }

    [Fact]
    public async Task The_machine_turning_itself_off_first_records_the_same_events()
    {
        await EraseFinishedAsync();

        await AgentPowersOffAsync();
        Assert.Equal((MachineStatus.Releasing, PowerState.Off), await StatusAndPowerAsync());
        await _power.CarryOutAsync(SystemId, Ct);

        Assert.Equal(s_expected, await EventsAfterEraseAsync());
        Assert.Equal((MachineStatus.Ready, PowerState.Off), await StatusAndPowerAsync());
    }

    [Fact]
    public async Task The_machine_turning_itself_off_while_ingot_powers_it_off_records_the_same_events()
    {
        await EraseFinishedAsync();
        _bmc.HoldActions = true;

        Task<PowerOutcome?> off = _power.CarryOutAsync(SystemId, Ct);
        await _bmc.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await AgentPowersOffAsync();
        Assert.Equal(MachineStatus.Releasing, (await StatusAndPowerAsync()).Status);
        _bmc.Finish();
        await off;
        await AgentPowersOffAsync();

        Assert.Equal(s_expected, await EventsAfterEraseAsync());
        Assert.Equal((MachineStatus.Ready, PowerState.Off), await StatusAndPowerAsync());
    }

    [Fact]
    public async Task A_late_second_result_of_the_same_power_off_adds_no_event()
    {
        await EraseFinishedAsync();
        Machine machine = (await _store.FindAsync(SystemId, Ct))!;
        machine.TakeRequestedPower(Now, "region-a", new HashSet<string> { "region-a" });
        machine.RecordPowerResult(PowerRequest.Off, new PowerOutcome(PowerState.Off), Now);
        machine.RecordPowerResult(PowerRequest.Off, new PowerOutcome(PowerState.Off), Now);
        await _store.SaveAsync(machine, Ct);

        Assert.Equal(s_expected, await EventsAfterEraseAsync());
    }

    /// <summary>A deployed machine released with quick erase: Ingot cycles it, wipe-disks signals OK, modules-final ends the erase.</summary>
    private async Task EraseFinishedAsync()
    {
        Machine machine = Machine.Create(SystemId, "erase-host", Now);
        machine.PowerType = "ipmi";
        machine.PowerParameters = new() { ["power_address"] = "127.0.0.1:9001" };
        machine.ForceStatus(MachineStatus.Deployed, UnvalidatedReason.AddedDeployed, Now, "admin");
        machine.SetOwner("admin");
        machine.CommissioningResult = ScriptSetStatus.Passed;
        machine.PowerState = PowerState.On;
        await _store.AddAsync(machine, Ct);
        _bmc.State = PowerState.On;

        machine = (await _store.FindAsync(SystemId, Ct))!;
        machine.StartReleasing(s_admin, Now, LifecycleSettings.Default, new ReleaseOptions(Erase: true, QuickErase: true));
        await _store.SaveAsync(machine, Ct);
        await _power.CarryOutAsync(SystemId, Ct);
        Assert.Equal((MachineStatus.DiskErasing, PowerState.On), await StatusAndPowerAsync());

        await new MachineSignals(_store, _results, _time).SignalAsync(SystemId, new SignalRequest("OK"), Ct);
        await new StatusMessages(_store, new InMemoryConfigStore(), _time).ApplyAsync(
            SystemId, new StatusMessage("finish", "cloudinit", StatusMessages.ModulesFinal, "running modules for final", "SUCCESS"), Ct);
        Assert.Equal((MachineStatus.Releasing, PowerRequest.Off), ((await _store.FindAsync(SystemId, Ct))!.Status, (await _store.FindAsync(SystemId, Ct))!.RequestedPower));
    }

    /// <summary>The erase environment powers itself off and a power query (the poller, the requery, <c>query_power_state</c>) sees it.</summary>
    private async Task AgentPowersOffAsync()
    {
        _bmc.State = PowerState.Off;
        await _power.QueryAsync((await _store.FindAsync(SystemId, Ct))!, Ct);
    }

    private async Task<(MachineStatus Status, PowerState Power)> StatusAndPowerAsync()
    {
        Machine machine = (await _store.FindAsync(SystemId, Ct))!;
        return (machine.Status, machine.PowerState);
    }

    private async Task<(string Type, string Description)[]> EventsAfterEraseAsync() =>
        [.. (await _store.EventsAsync(SystemId, Ct)).Select(e => (e.Type, e.Description)).SkipWhile(e => e.Description != "Disk erasing finished")];
}
