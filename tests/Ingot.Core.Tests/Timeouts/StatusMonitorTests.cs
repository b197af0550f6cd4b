using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Tests.Signals;
using static Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Tests.Timeouts;

/// <summary>The status monitor with fake time and the in-memory store.</summary>
public class StatusMonitorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 2, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMachineStore _store = new();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A machine put into <paramref name="status"/> now, with the expiry the starting action arms.</summary>
    private async Task<Machine> AddAsync(MachineStatus status, string systemId, LifecycleSettings settings)
    {
        Machine machine = MachinesInStatus.Create(status, Now, systemId);
        machine.SetStatusExpires(Now.AddMinutes(settings.ExpiryMinutes(status)!.Value));
        await _store.AddAsync(machine, Ct);
        return machine;
    }

    public static TheoryData<MachineStatus, MachineStatus, string, int> Monitored() => new()
    {
        { Commissioning, FailedCommissioning, "Commissioning", 30 },
        { Deploying, FailedDeployment, "Deploying", 60 },  // 2 x node_timeout: the deploy workflow's bound
        { Releasing, FailedReleasing, "Releasing", 5 },
        { DiskErasing, FailedDiskErasing, "Disk erasing", 30 },
        { EnteringRescueMode, FailedEnteringRescueMode, "Entering rescue mode", 30 },
        { Testing, FailedTesting, "Testing", 30 },
    };

    [Theory]
    [MemberData(nameof(Monitored))]
    public async Task Expired_machine_fails_with_MAAS_message(MachineStatus status, MachineStatus failed, string label, int minutes)
    {
        Machine machine = await AddAsync(status, "m1", LifecycleSettings.Default);
        var monitor = new StatusMonitor(_store, LifecycleSettings.Default, _time);

        _time.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromTicks(1));
        Assert.Empty(await monitor.RunOnceAsync(Ct));
        Assert.Equal(status, machine.Status);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(["m1"], await monitor.RunOnceAsync(Ct));

        // DEPLOYING is bounded by MAAS's deploy workflow, whose time-out has its own message.
        string message = status == Deploying ? Machine.DeploymentTimedOut : $"Node operation '{label}' timed out after {minutes} minutes.";
        Machine saved = (await _store.FindAsync("m1", Ct))!;
        Assert.Equal(failed, saved.Status);
        Assert.Equal(message, saved.ErrorDescription);
        Assert.Null(saved.StatusExpires);

        IReadOnlyList<MachineEvent> events = await _store.EventsAsync("m1", Ct);
        Assert.Contains(events, e => e.Type == "REQUEST_NODE_MARK_FAILED_SYSTEM" && e.Description == message);
        Assert.Contains(events, e => e.Type == "NODE_CHANGED_STATUS" && e.FromStatus == status && e.ToStatus == failed);
    }

    [Theory]
    [InlineData(Commissioning, "Commissioning", 7)]
    [InlineData(Testing, "Testing", 7)]
    [InlineData(Deploying, "Deploying", 14)]
    [InlineData(Releasing, "Releasing", 5)]
    public async Task A_custom_node_timeout_shows_in_the_message(MachineStatus status, string label, int minutes)
    {
        var settings = new LifecycleSettings(nodeTimeout: 7);
        await AddAsync(status, "m1", settings);
        var monitor = new StatusMonitor(_store, settings, _time);

        _time.Advance(TimeSpan.FromMinutes(minutes));
        Assert.Equal(["m1"], await monitor.RunOnceAsync(Ct));
        string expected = status == Deploying ? Machine.DeploymentTimedOut : $"Node operation '{label}' timed out after {minutes} minutes.";
        Assert.Equal(expected, (await _store.FindAsync("m1", Ct))!.ErrorDescription);
    }

    [Fact]
    public async Task The_monitor_never_fails_a_machine_exiting_rescue_mode_as_MAAS_arms_no_expiry_there()
    {
        Machine machine = MachinesInStatus.Create(ExitingRescueMode, Now, "m1");
        machine.SetStatusExpires(Now.AddMinutes(LifecycleSettings.Default.TimeoutMinutes(ExitingRescueMode)!.Value));
        await _store.AddAsync(machine, Ct);
        var monitor = new StatusMonitor(new EveryMachineLooksExpired(_store), LifecycleSettings.Default, _time);

        _time.Advance(TimeSpan.FromHours(2));

        Assert.Null(LifecycleSettings.Default.ExpiryMinutes(ExitingRescueMode));
        Assert.Empty(await monitor.RunOnceAsync(Ct));
        Assert.Equal(ExitingRescueMode, (await _store.FindAsync("m1", Ct))!.Status);
        Assert.DoesNotContain(await _store.EventsAsync("m1", Ct), e => e.Type == "REQUEST_NODE_MARK_FAILED_SYSTEM");
    }

    [Fact]
    public async Task A_machine_that_left_the_monitored_status_is_not_failed()
    {
        Machine machine = await AddAsync(Commissioning, "m1", LifecycleSettings.Default);
        machine.TransitionTo(Ready, Now);
        await _store.SaveAsync(machine, Ct);

        _time.Advance(TimeSpan.FromHours(2));
        var monitor = new StatusMonitor(new EveryMachineLooksExpired(_store), LifecycleSettings.Default, _time);

        Assert.Empty(await monitor.RunOnceAsync(Ct));
        Assert.Equal(Ready, (await _store.FindAsync("m1", Ct))!.Status);
        Assert.DoesNotContain(await _store.EventsAsync("m1", Ct), e => e.Type == "REQUEST_NODE_MARK_FAILED_SYSTEM");
    }

    [Fact]
    public async Task A_machine_whose_expiry_moved_on_is_not_failed()
    {
        Machine machine = await AddAsync(Testing, "m1", LifecycleSettings.Default);
        machine.SetStatusExpires(Now.AddHours(5));
        await _store.SaveAsync(machine, Ct);

        _time.Advance(TimeSpan.FromHours(1));
        var monitor = new StatusMonitor(new EveryMachineLooksExpired(_store), LifecycleSettings.Default, _time);

        Assert.Empty(await monitor.RunOnceAsync(Ct));
        Assert.Equal(Testing, machine.Status);
    }

    [Fact]
    public async Task A_conflicting_save_is_skipped_and_the_others_are_still_failed()
    {
        await AddAsync(Commissioning, "m1", LifecycleSettings.Default);
        await AddAsync(Deploying, "m2", LifecycleSettings.Default);
        await AddAsync(Testing, "m3", LifecycleSettings.Default);
        var monitor = new StatusMonitor(new ConflictOn("m2", _store), LifecycleSettings.Default, _time);

        _time.Advance(TimeSpan.FromMinutes(60)); // Deploying's bound: every machine has expired
        IReadOnlyList<string> failed = await monitor.RunOnceAsync(Ct);

        Assert.Equal(["m1", "m3"], failed.Order());
        Assert.Equal(1, monitor.Conflicts);
        Assert.Equal(FailedCommissioning, (await _store.FindAsync("m1", Ct))!.Status);
        Assert.Equal(FailedTesting, (await _store.FindAsync("m3", Ct))!.Status);
        Assert.DoesNotContain(await _store.EventsAsync("m2", Ct), e => e.Type == "REQUEST_NODE_MARK_FAILED_SYSTEM");
    }

    [Fact]
    public async Task A_machine_saved_by_someone_else_meanwhile_is_read_again_and_failed_in_the_same_pass()
    {
        await AddAsync(Commissioning, "m1", LifecycleSettings.Default);
        var monitor = new StatusMonitor(new SavedMeanwhileOnce("m1", _store), LifecycleSettings.Default, _time);

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(["m1"], await monitor.RunOnceAsync(Ct));
        Assert.Equal(0, monitor.Conflicts);
        Machine saved = (await _store.FindAsync("m1", Ct))!;
        Assert.Equal((FailedCommissioning, Ingot.Core.Power.PowerState.Off), (saved.Status, saved.PowerState));
    }

    [Fact]
    public async Task A_machine_that_expired_while_stopped_is_failed_on_the_first_pass()
    {
        await AddAsync(EnteringRescueMode, "m1", LifecycleSettings.Default);
        _time.Advance(TimeSpan.FromDays(3));

        var monitor = new StatusMonitor(_store, LifecycleSettings.Default, _time);

        Assert.Equal(["m1"], await monitor.RunOnceAsync(Ct));
        Assert.Empty(await monitor.RunOnceAsync(Ct));
        Assert.Equal(FailedEnteringRescueMode, (await _store.FindAsync("m1", Ct))!.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Node_timeout_below_one_minute_is_rejected(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleSettings(minutes));

    [Fact]
    public void Node_timeout_defaults_to_30_and_accepts_1()
    {
        Assert.Equal(30, LifecycleSettings.Default.NodeTimeout);
        Assert.Equal(1, new LifecycleSettings(1).TimeoutMinutes(Commissioning));
        Assert.Null(LifecycleSettings.Default.TimeoutMinutes(Ready));
    }
}
