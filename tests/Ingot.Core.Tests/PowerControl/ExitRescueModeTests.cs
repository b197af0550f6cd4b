using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Scripts;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Tests.Scripts;
using Ingot.Core.Tests.Signals;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// Leaving rescue mode records one outcome whoever is first: Ingot's own power action (<c>stop_rescue_mode</c>:
/// a cycle back into the OS for a DEPLOYED machine, an off for a READY or BROKEN one) or a power query (the
/// poller, the requery, <c>query_power_state</c>) that sees the machine meanwhile. The action's result
/// finishes the exit; a query while it is requested or in flight stores the state and records nothing else.
/// </summary>
public sealed class ExitRescueModeTests
{
    private const string SystemId = "rescue1";

    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private readonly InMemoryMachineStore _store = new();
    private readonly InMemoryScriptResultStore _results = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly GatedPowerClient _bmc = new();
    private readonly MachinePower _power;

    public ExitRescueModeTests() => _power = new MachinePower(_store, _bmc, _time);

    /// <summary>Who sees the machine first after exit_rescue_mode, and what a query finds.</summary>
    public enum Order
    {
        IngotFirst,
        QueryFirst,
        QueryWhileIngotActs,
    }

    public static TheoryData<MachineStatus, Order, PowerState> Cases() => new()
    {
        // The rescue environment is still up: a query finds it on before Ingot's cycle.
        { MachineStatus.Deployed, Order.IngotFirst, PowerState.On },
        { MachineStatus.Deployed, Order.QueryFirst, PowerState.On },
        { MachineStatus.Deployed, Order.QueryWhileIngotActs, PowerState.On },
        // Someone halted the rescue environment (over SSH), or it is still up: either way Ingot's off decides.
        { MachineStatus.Ready, Order.IngotFirst, PowerState.Off },
        { MachineStatus.Ready, Order.QueryFirst, PowerState.Off },
        { MachineStatus.Ready, Order.QueryFirst, PowerState.On },
        { MachineStatus.Ready, Order.QueryWhileIngotActs, PowerState.Off },
        { MachineStatus.Broken, Order.QueryFirst, PowerState.Off },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Exit_rescue_mode_records_maas_events_once_whoever_sees_the_power_first(MachineStatus previous, Order order, PowerState queried)
    {
        await InRescueModeAsync(previous);
        await ExitAsync();
        _time.Advance(TimeSpan.FromSeconds(5));

        switch (order)
        {
            case Order.IngotFirst:
                await _power.CarryOutAsync(SystemId, Ct);
                await QueryAsync(queried);
                break;
            case Order.QueryFirst:
                await QueryAsync(queried);
                Assert.Equal((MachineStatus.ExitingRescueMode, queried), await StatusAndPowerAsync());
                await _power.CarryOutAsync(SystemId, Ct);
                break;
            case Order.QueryWhileIngotActs:
                _bmc.HoldActions = true;
                Task<PowerOutcome?> action = _power.CarryOutAsync(SystemId, Ct);
                await _bmc.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
                await QueryAsync(queried);
                Assert.Equal(MachineStatus.ExitingRescueMode, (await StatusAndPowerAsync()).Status);
                // A cycle goes in steps (off when on, then on): only the first action is held.
                _bmc.HoldActions = false;
                _bmc.Finish();
                await action.WaitAsync(TimeSpan.FromSeconds(30), Ct);
                await QueryAsync(queried);
                break;
        }

        Assert.Equal(Expected(previous), await EventsSinceExitAsync());
        PowerState power = previous == MachineStatus.Deployed ? PowerState.On : PowerState.Off;
        Assert.Equal((previous, power), await StatusAndPowerAsync());
        Machine machine = (await _store.FindAsync(SystemId, Ct))!;
        Assert.Equal(previous == MachineStatus.Deployed ? "admin" : null, machine.Owner);
        Assert.Equal((PowerRequest.None, PowerRequest.None), (machine.RequestedPower, machine.ClaimedPower));
    }

    [Fact]
    public async Task A_query_after_the_five_minutes_still_leaves_the_pending_cycle_to_decide()
    {
        await InRescueModeAsync(MachineStatus.Deployed);
        await ExitAsync();
        _time.Advance(TimeSpan.FromMinutes(6));

        await QueryAsync(PowerState.Off);
        Assert.Equal((MachineStatus.ExitingRescueMode, PowerState.Off), await StatusAndPowerAsync());
        await _power.CarryOutAsync(SystemId, Ct);

        Assert.Equal(Expected(MachineStatus.Deployed), await EventsSinceExitAsync());
        Assert.Equal((MachineStatus.Deployed, PowerState.On), await StatusAndPowerAsync());
    }

    [Fact]
    public async Task A_failed_cycle_leaves_the_decision_to_the_next_query_and_fails_the_exit_after_five_minutes()
    {
        await InRescueModeAsync(MachineStatus.Deployed);
        await ExitAsync();
        Machine machine = (await _store.FindAsync(SystemId, Ct))!;
        machine.TakeRequestedPower(Now, "region-a", new HashSet<string> { "region-a" });
        machine.RecordPowerResult(PowerRequest.Cycle, PowerOutcome.Failed("BMC unreachable"), Now);
        await _store.SaveAsync(machine, Ct);
        _time.Advance(TimeSpan.FromMinutes(6));

        await QueryAsync(PowerState.Off);

        Assert.Equal(MachineStatus.FailedExitingRescueMode, (await StatusAndPowerAsync()).Status);
        Assert.Contains(await EventsSinceExitAsync(), e => e == ("NODE_POWER_CYCLE_FAILED", "BMC unreachable"));
        Assert.Equal(("NODE_CHANGED_STATUS", "From 'Exiting rescue mode' to 'Failed to exit rescue mode'"), (await EventsSinceExitAsync())[^1]);
    }

    /// <summary>MAAS's events from the exit request on, oldest first: type, description.</summary>
    private static (string Type, string Description)[] Expected(MachineStatus previous) =>
    [
        ("REQUEST_NODE_STOP_RESCUE_MODE", ""),
        ("NODE_CHANGED_STATUS", "From 'Rescue mode' to 'Exiting rescue mode'"),
        previous == MachineStatus.Deployed ? ("NODE_POWER_CYCLE_STARTING", "") : ("NODE_POWER_OFF_STARTING", ""),
        previous == MachineStatus.Deployed ? ("NODE_POWERED_ON", "") : ("NODE_POWERED_OFF", ""),
        ("NODE_CHANGED_STATUS", $"From 'Exiting rescue mode' to '{previous.Label()}'"),
    ];

    /// <summary>A machine in <paramref name="previous"/> enters rescue mode: Ingot cycles it, the rescue environment signals OK.</summary>
    private async Task InRescueModeAsync(MachineStatus previous)
    {
        Machine machine = MachinesInStatus.Create(previous, Now, SystemId);
        machine.PowerType = "ipmi";
        machine.PowerParameters = new() { ["power_address"] = "127.0.0.1:9001" };
        machine.PowerState = previous == MachineStatus.Deployed ? PowerState.On : PowerState.Off;
        await _store.AddAsync(machine, Ct);
        _bmc.State = machine.PowerState;

        machine = (await _store.FindAsync(SystemId, Ct))!;
        machine.StartRescueMode(s_admin, Now, LifecycleSettings.Default);
        await _store.SaveAsync(machine, Ct);
        await _power.CarryOutAsync(SystemId, Ct);
        await new MachineSignals(_store, _results, _time).SignalAsync(SystemId, new SignalRequest("OK"), Ct);
        Assert.Equal((MachineStatus.RescueMode, PowerState.On), await StatusAndPowerAsync());
    }

    private async Task ExitAsync()
    {
        Machine machine = (await _store.FindAsync(SystemId, Ct))!;
        machine.StopRescueMode(s_admin, Now, LifecycleSettings.Default);
        await _store.SaveAsync(machine, Ct);
    }

    private async Task QueryAsync(PowerState state)
    {
        _bmc.State = state;
        await _power.QueryAsync((await _store.FindAsync(SystemId, Ct))!, Ct);
    }

    private async Task<(MachineStatus Status, PowerState Power)> StatusAndPowerAsync()
    {
        Machine machine = (await _store.FindAsync(SystemId, Ct))!;
        return (machine.Status, machine.PowerState);
    }

    private async Task<(string Type, string Description)[]> EventsSinceExitAsync() =>
        [.. (await _store.EventsAsync(SystemId, Ct)).Select(e => (e.Type, e.Description)).SkipWhile(e => e.Type != "REQUEST_NODE_STOP_RESCUE_MODE")];
}
