using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Regions;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// A process killed after it took a power request (and perhaps sent it) and before it saved the result:
/// the restarted process (a new <see cref="OneRegion"/>) takes the claim over at once, and sends the
/// action only when the BMC does not show it done.
/// </summary>
public sealed class PowerClaimTakeoverTests
{
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private readonly InMemoryMachineStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly FakePowerClient _client = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_power_off_the_killed_process_sent_is_recorded_after_the_restart_with_a_query_only()
    {
        await OffClaimedByAKilledProcessAsync("kill01");
        var restarted = new MachinePower(_store, _client, _time, new OneRegion());
        _client.Answer = new PowerOutcome(PowerState.Off);

        Assert.Equal(["kill01"], await restarted.PendingAsync(Ct));
        Assert.Equal(new PowerOutcome(PowerState.Off), await restarted.CarryOutAsync("kill01", Ct));

        Assert.Equal(PowerRequest.None, Assert.Single(_client.Commands).Request);
        Machine stored = (await _store.FindAsync("kill01", Ct))!;
        Assert.Equal((PowerState.Off, PowerRequest.None, (string?)null), (stored.PowerState, stored.ClaimedPower, stored.PowerClaimedBy));
        Assert.Equal(
            ["NODE_POWER_OFF_STARTING", "NODE_POWERED_OFF"],
            (await _store.EventsAsync("kill01", Ct)).Select(e => e.Type).Where(t => t.StartsWith("NODE_POWER", StringComparison.Ordinal)));
        Assert.Empty(await restarted.PendingAsync(Ct));
    }

    [Fact]
    public async Task A_power_off_the_bmc_does_not_show_done_is_sent_after_the_restart()
    {
        await OffClaimedByAKilledProcessAsync("kill02");
        var restarted = new MachinePower(_store, _client, _time, new OneRegion());
        _client.Answer = new PowerOutcome(PowerState.On);

        await restarted.CarryOutAsync("kill02", Ct);

        Assert.Equal([PowerRequest.None, PowerRequest.Off], _client.Commands.Select(c => c.Request));
    }

    [Fact]
    public async Task A_claim_of_the_running_process_is_left_to_it_until_it_runs_out()
    {
        var region = new OneRegion();
        await OffClaimedByAKilledProcessAsync("live01", region);
        var power = new MachinePower(_store, _client, _time, region);

        Assert.Empty(await power.PendingAsync(Ct));
        Assert.Null(await power.CarryOutAsync("live01", Ct));
        _time.Advance(Machine.PowerClaimTime);
        Assert.Equal(["live01"], await power.PendingAsync(Ct));
    }

    private async Task OffClaimedByAKilledProcessAsync(string systemId, OneRegion? claimedBy = null)
    {
        Machine machine = Machine.Create(systemId, systemId + "-host", Now);
        machine.PowerType = "redfish";
        machine.PowerState = PowerState.On;
        await _store.AddAsync(machine, Ct);
        machine.Stop(s_admin, Now);
        OneRegion before = claimedBy ?? new OneRegion();
        Assert.Equal(new PowerClaim(PowerRequest.Off, TakenOver: false), machine.TakeRequestedPower(Now, before.RegionId, await before.LiveRegionsAsync(Ct)));
        await _store.SaveAsync(machine, Ct);
        Assert.Empty(_client.Commands);
    }
}
