using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.PowerControl;

public sealed class MachinePowerTests
{
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private readonly InMemoryMachineStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly FakePowerClient _client = new();
    private readonly MachinePower _power;

    public MachinePowerTests() => _power = new MachinePower(_store, _client, _time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private async Task<Machine> DeployedAsync(string systemId, string powerType = "redfish")
    {
        Machine machine = Machine.Create(systemId, systemId + "-host", Now);
        machine.PowerType = powerType;
        machine.PowerParameters = new() { ["power_address"] = "10.0.0.1" };
        machine.ForceStatus(MachineStatus.Deployed, UnvalidatedReason.AddedDeployed, Now, "admin");
        machine.SetOwner("admin");
        machine.CommissioningResult = ScriptSetStatus.Passed;
        machine.PowerState = PowerState.On;
        await _store.AddAsync(machine, Ct);
        return machine;
    }

    [Fact]
    public async Task A_release_powers_off_and_completes_when_the_bmc_reports_off()
    {
        Machine machine = await DeployedAsync("rel001");
        machine.Release(s_admin, Now, new LifecycleSettings(nodeTimeout: 20));
        await _store.SaveAsync(machine, Ct);
        Assert.Equal(MachineStatus.Releasing, machine.Status);

        PowerOutcome? outcome = await _power.CarryOutAsync("rel001", Ct);

        Assert.Equal(new PowerOutcome(PowerState.Off), outcome);
        PowerCommand command = Assert.Single(_client.Commands);
        Assert.Equal((PowerRequest.Off, "redfish", "10.0.0.1"), (command.Request, command.PowerType, command.Parameters["power_address"]));
        Machine stored = (await _store.FindAsync("rel001", Ct))!;
        Assert.Equal(MachineStatus.Ready, stored.Status);
        Assert.Equal(PowerRequest.None, stored.RequestedPower);
        IReadOnlyList<string> events = [.. (await _store.EventsAsync("rel001", Ct)).Select(e => e.Type)];
        Assert.Contains("NODE_POWER_OFF_STARTING", events);
        Assert.Contains("NODE_POWERED_OFF", events);
    }

    [Fact]
    public async Task A_failed_power_on_is_an_error_event_with_maas_text_and_the_error_state()
    {
        Machine machine = await DeployedAsync("fail01");
        machine.PowerState = PowerState.Off;
        machine.Start(s_admin, Now, new LifecycleSettings(nodeTimeout: 20));
        await _store.SaveAsync(machine, Ct);
        _client.Answer = PowerOutcome.Failed("Could not contact node's BMC: timeout");

        await _power.CarryOutAsync("fail01", Ct);

        Machine stored = (await _store.FindAsync("fail01", Ct))!;
        Assert.Equal(PowerState.Error, stored.PowerState);
        MachineEventAssert(await _store.EventsAsync("fail01", Ct), "NODE_POWER_ON_FAILED", "Could not contact node's BMC: timeout");
    }

    /// <summary>
    /// MAAS's CHANGE_POWER_STATE_TIMEOUT: an action still under way after 5 minutes (a BMC that holds the call) is
    /// given up and recorded as MAAS's "Timed out" failure, and its claim is released; before that it is left alone.
    /// </summary>
    [Fact]
    public async Task A_power_action_still_under_way_after_five_minutes_fails_with_timed_out()
    {
        var held = new GatedPowerClient { HoldActions = true, State = PowerState.On };
        var power = new MachinePower(_store, held, _time);
        Machine machine = await DeployedAsync("slow01");
        machine.Release(s_admin, Now, new LifecycleSettings(nodeTimeout: 20));
        await _store.SaveAsync(machine, Ct);

        Task<PowerOutcome?> carrying = power.CarryOutAsync("slow01", Ct);
        await held.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        _time.Advance(MachinePower.ActionTimeout - TimeSpan.FromSeconds(1));
        await Task.Delay(100, Ct);
        Assert.False(carrying.IsCompleted);
        Assert.Equal(PowerRequest.Off, (await _store.FindAsync("slow01", Ct))!.ClaimedPower);

        _time.Advance(TimeSpan.FromSeconds(1));
        PowerOutcome? outcome = await carrying.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(PowerOutcome.Failed("Timed out"), outcome);
        Machine stored = (await _store.FindAsync("slow01", Ct))!;
        Assert.Equal((MachineStatus.Releasing, PowerState.Error, PowerRequest.None), (stored.Status, stored.PowerState, stored.ClaimedPower));
        MachineEventAssert(await _store.EventsAsync("slow01", Ct), "NODE_POWER_OFF_FAILED", "Timed out");
    }

    /// <summary>
    /// The five-minute bound is on the BMC's calls: an action the BMC carried out whose result then waits longer to be saved
    /// (a busy database's write lock) is recorded as done, not as "Timed out" (51 machines of the eighteenth session's
    /// 10,000 storm were, and still reached READY).
    /// </summary>
    [Fact]
    public async Task A_power_action_done_by_the_bmc_whose_result_waits_past_five_minutes_to_be_saved_is_recorded_as_done()
    {
        var store = new SecondSaveHeld(_store);
        var power = new MachinePower(store, _client, _time);
        Machine machine = await DeployedAsync("save01");
        machine.Release(s_admin, Now, new LifecycleSettings(nodeTimeout: 20));
        await _store.SaveAsync(machine, Ct);

        Task<PowerOutcome?> carrying = power.CarryOutAsync("save01", Ct);
        await store.Held.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        _time.Advance(MachinePower.ActionTimeout + TimeSpan.FromMinutes(1));
        await Task.Delay(100, Ct);
        Assert.False(carrying.IsCompleted, "the result's save was given up when the action's five minutes ran out");

        store.Release();
        PowerOutcome? outcome = await carrying.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(new PowerOutcome(PowerState.Off), outcome);
        Assert.Equal(PowerRequest.Off, Assert.Single(_client.Commands).Request);
        Machine stored = (await _store.FindAsync("save01", Ct))!;
        Assert.Equal((MachineStatus.Ready, PowerState.Off), (stored.Status, stored.PowerState));
        Assert.DoesNotContain("NODE_POWER_OFF_FAILED", (await _store.EventsAsync("save01", Ct)).Select(e => e.Type));
    }

    [Fact]
    public async Task Requests_stored_before_a_restart_are_found_pending_and_carried_out()
    {
        Machine machine = await DeployedAsync("pend01");
        await DeployedAsync("idle02");
        machine.Stop(s_admin, Now);
        await _store.SaveAsync(machine, Ct);

        // A new MachinePower over the same store: what a restarted executor sees.
        var restarted = new MachinePower(_store, _client, _time);
        Assert.Equal(["pend01"], await restarted.PendingAsync(Ct));
        Assert.Equal(new PowerOutcome(PowerState.Off), await restarted.CarryOutAsync("pend01", Ct));

        Assert.Equal(PowerRequest.Off, Assert.Single(_client.Commands).Request);
        Assert.Empty(await restarted.PendingAsync(Ct));
    }

    [Fact]
    public async Task Nothing_pending_sends_nothing()
    {
        await DeployedAsync("idle01");
        Assert.Null(await _power.CarryOutAsync("idle01", Ct));
        Assert.Empty(_client.Commands);
    }

    [Fact]
    public async Task Polling_queries_queryable_machines_within_the_parallelism_and_stores_changes()
    {
        for (int i = 0; i < 20; i++)
        {
            await DeployedAsync($"poll{i:D2}");
        }

        await DeployedAsync("manual1", powerType: "manual");
        _client.Answer = new PowerOutcome(PowerState.Off);

        int queried = await _power.PollAsync(parallelism: 4, Ct);

        Assert.Equal(20, queried);
        Assert.DoesNotContain(_client.Commands, c => c.SystemId == "manual1");
        Assert.InRange(_client.PeakConcurrency, 1, 4);
        Assert.Equal(PowerState.Off, (await _store.FindAsync("poll07", Ct))!.PowerState);
        Assert.Equal(PowerState.On, (await _store.FindAsync("manual1", Ct))!.PowerState);
    }

    [Fact]
    public async Task A_failed_query_is_recorded_once_as_a_query_failure()
    {
        await DeployedAsync("query1");
        _client.Answer = PowerOutcome.Failed("Could not authenticate to node's BMC: no");
        await _power.QueryAsync((await _store.FindAsync("query1", Ct))!, Ct);
        await _power.QueryAsync((await _store.FindAsync("query1", Ct))!, Ct);
        Assert.Single(await _store.EventsAsync("query1", Ct), e => e.Type == "NODE_POWER_QUERY_FAILED");
        Assert.Equal(PowerState.Error, (await _store.FindAsync("query1", Ct))!.PowerState);
    }

    [Fact]
    public async Task Every_answered_query_stores_its_time_even_when_the_state_is_unchanged()
    {
        Machine machine = await DeployedAsync("queried1");
        Assert.Null(machine.PowerStateQueried);
        _client.Answer = new PowerOutcome(PowerState.On);
        DateTime first = Now;
        await _power.QueryAsync((await _store.FindAsync("queried1", Ct))!, Ct);
        Assert.Equal(first, (await _store.FindAsync("queried1", Ct))!.PowerStateQueried);

        _time.Advance(TimeSpan.FromMinutes(5));
        await _power.QueryAsync((await _store.FindAsync("queried1", Ct))!, Ct);
        Machine stored = (await _store.FindAsync("queried1", Ct))!;
        Assert.Equal(Now, stored.PowerStateQueried);
        Assert.Equal(PowerState.On, stored.PowerState);
        Assert.DoesNotContain(await _store.EventsAsync("queried1", Ct), e => e.Type.StartsWith("NODE_POWER", StringComparison.Ordinal));
    }

    private static void MachineEventAssert(IReadOnlyList<Events.MachineEvent> events, string type, string description) =>
        Assert.Contains(events, e => e.Type == type && e.Description == description);
}
