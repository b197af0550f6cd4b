using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Tests.Signals;

namespace Ingot.Core.Tests.Scripts;

/// <summary>The "not heard from" half of the script monitor, with fake time and in-memory stores.</summary>
public sealed class ScriptHeartbeatTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMachineStore _machines = new();
    private readonly InMemoryScriptResultStore _results = new();
    private readonly InMemoryScriptStore _scripts = new();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScriptTimeouts Monitor => new(_machines, _results, new ScriptCatalog(_scripts), _time);

    /// <summary>A machine whose expiry the first signal cleared, its set pinged now, running <paramref name="running"/> (no timeout).</summary>
    private async Task<ScriptSet> StartAsync(MachineStatus status, ScriptSetKind kind, string running, int? scriptId, bool enableSsh = false)
    {
        Machine machine = MachinesInStatus.Create(status, Now, "m1");
        machine.SetStatusExpires(null);
        machine.EnableSsh = enableSsh;
        await _machines.AddAsync(machine, Ct);
        var set = new ScriptSet { SystemId = "m1", Kind = kind, Run = machine.ScriptRun, Created = Now, LastPing = Now };
        set.Results.Add(new ScriptResult { Name = "done", Status = ScriptStatus.Passed });
        set.Results.Add(new ScriptResult { Name = running, ScriptId = scriptId, Status = ScriptStatus.Running, Started = Now });
        set.Results.Add(new ScriptResult { Name = "later", Status = ScriptStatus.Pending });
        return await _results.AddSetAsync(set, Ct);
    }

    [Fact]
    public async Task A_machine_not_heard_from_for_node_timeout_minutes_is_failed_with_its_scripts_timed_out_and_powered_off()
    {
        // memtester has no timeout, so only the heartbeat can end it.
        ScriptSet set = await StartAsync(MachineStatus.Testing, ScriptSetKind.Testing, "memtester", 9);

        _time.Advance(TimeSpan.FromMinutes(LifecycleSettings.DefaultNodeTimeout));
        Assert.Empty(await Monitor.RunOnceAsync(Ct));
        Assert.Equal(MachineStatus.Testing, (await _machines.FindAsync("m1", Ct))!.Status);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["m1"], await Monitor.RunOnceAsync(Ct));

        Machine machine = (await _machines.FindAsync("m1", Ct))!;
        const string message = "Node has not been heard from for the last 30 minutes";
        Assert.Equal(MachineStatus.FailedTesting, machine.Status);
        Assert.Equal(message, machine.ErrorDescription);
        Assert.Equal([ScriptStatus.Passed, ScriptStatus.TimedOut, ScriptStatus.TimedOut], set.Results.Select(r => r.Status));
        IReadOnlyList<MachineEvent> events = await _machines.EventsAsync("m1", Ct);
        Assert.Contains(events, e => e.Type == EventTypes.RequestNodeMarkFailedSystem.Name && e.Description == message);
        Assert.Contains(events, e => e.Type == EventTypes.RequestNodeStop.Name);
    }

    [Fact]
    public async Task A_machine_with_ssh_enabled_is_failed_but_not_powered_off()
    {
        await StartAsync(MachineStatus.Commissioning, ScriptSetKind.Commissioning, "memtester", 9, enableSsh: true);
        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(["m1"], await Monitor.RunOnceAsync(Ct));

        Assert.Equal(MachineStatus.FailedCommissioning, (await _machines.FindAsync("m1", Ct))!.Status);
        Assert.DoesNotContain(await _machines.EventsAsync("m1", Ct), e => e.Type == EventTypes.RequestNodeStop.Name);
    }

    [Fact]
    public async Task A_running_script_that_may_reboot_rearms_the_expiry_from_the_last_ping_instead_of_failing()
    {
        var script = new Script { Name = "firmware-update", Type = ScriptType.Commissioning, MayReboot = true };
        script.Versions.Add(new ScriptVersion { Data = "#!/bin/sh\n" });
        await _scripts.AddAsync(script, Ct);
        ScriptSet set = await StartAsync(MachineStatus.Commissioning, ScriptSetKind.Commissioning, "firmware-update", (int)script.Id);
        DateTime ping = set.LastPing!.Value;
        _time.Advance(TimeSpan.FromMinutes(45));

        Assert.Empty(await Monitor.RunOnceAsync(Ct));

        Machine machine = (await _machines.FindAsync("m1", Ct))!;
        Assert.Equal(MachineStatus.Commissioning, machine.Status);
        Assert.Equal(ping.AddMinutes(30), machine.StatusExpires);
        Assert.Equal(ScriptStatus.Running, set.Results[1].Status);
    }

    [Fact]
    public async Task A_machine_still_booting_with_its_expiry_armed_or_never_pinged_is_left_to_the_status_monitor()
    {
        ScriptSet set = await StartAsync(MachineStatus.Testing, ScriptSetKind.Testing, "memtester", 9);
        set.LastPing = null;
        await _results.SaveSetAsync(set, Ct);
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Empty(await Monitor.RunOnceAsync(Ct));
        Assert.Equal(MachineStatus.Testing, (await _machines.FindAsync("m1", Ct))!.Status);
    }

    [Fact]
    public void Flatlined_means_a_ping_older_than_node_timeout_minutes()
    {
        var set = new ScriptSet { SystemId = "m1", LastPing = Now };
        Assert.False(Heartbeats.Flatlined(set, Now.AddMinutes(5), 5));
        Assert.True(Heartbeats.Flatlined(set, Now.AddMinutes(5).AddTicks(1), 5));
        Assert.False(Heartbeats.Flatlined(new ScriptSet { SystemId = "m1" }, Now.AddYears(1), 5));
    }
}
