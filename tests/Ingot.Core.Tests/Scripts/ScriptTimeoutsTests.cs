using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Tests.Signals;

namespace Ingot.Core.Tests.Scripts;

/// <summary>The script timeout pass with fake time and in-memory stores.</summary>
public sealed class ScriptTimeoutsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMachineStore _machines = new();
    private readonly InMemoryScriptResultStore _results = new();
    private readonly InMemoryScriptStore _scripts = new();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScriptTimeouts Timeouts => new(_machines, _results, new ScriptCatalog(_scripts), _time);

    /// <summary>A machine in <paramref name="status"/> whose set runs <paramref name="running"/> since now, with one passed and one pending result.</summary>
    private async Task<ScriptSet> StartAsync(MachineStatus status, ScriptSetKind kind, string running, int? scriptId, string parameters = "{}")
    {
        Machine machine = MachinesInStatus.Create(status, Now, "m1");
        await _machines.AddAsync(machine, Ct);
        var set = new ScriptSet { SystemId = "m1", Kind = kind, Run = machine.ScriptRun, Created = Now };
        set.Results.Add(new ScriptResult { Name = "done", Status = ScriptStatus.Passed });
        set.Results.Add(new ScriptResult { Name = running, ScriptId = scriptId, Status = ScriptStatus.Running, Started = Now, Parameters = parameters });
        set.Results.Add(new ScriptResult { Name = "later", Status = ScriptStatus.Pending });
        return await _results.AddSetAsync(set, Ct);
    }

    [Fact]
    public async Task A_testing_script_past_its_timeout_and_the_grace_is_timed_out_and_fails_the_machine_as_MAAS_does()
    {
        // smartctl-validate: a built-in testing script with a 600-second timeout.
        ScriptSet set = await StartAsync(MachineStatus.Testing, ScriptSetKind.Testing, "smartctl-validate", 8);

        _time.Advance(TimeSpan.FromSeconds(600) + ScriptTimeouts.Grace);
        Assert.Empty(await Timeouts.RunOnceAsync(Ct));
        Assert.Equal(MachineStatus.Testing, (await _machines.FindAsync("m1", Ct))!.Status);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["m1"], await Timeouts.RunOnceAsync(Ct));

        Machine machine = (await _machines.FindAsync("m1", Ct))!;
        const string message = "smartctl-validate has run past it's timeout(0:10:00)";
        Assert.Equal(MachineStatus.FailedTesting, machine.Status);
        Assert.Equal(message, machine.ErrorDescription);
        Assert.Equal([ScriptStatus.Passed, ScriptStatus.TimedOut, ScriptStatus.Aborted], set.Results.Select(r => r.Status));
        IReadOnlyList<MachineEvent> events = await _machines.EventsAsync("m1", Ct);
        Assert.Contains(events, e => e.Type == EventTypes.RequestNodeMarkFailedSystem.Name && e.Description == message);
        Assert.Contains(events, e => e.Type == EventTypes.RequestNodeStop.Name);
        Assert.Empty(await Timeouts.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task A_commissioning_user_script_uses_its_runtime_parameter_over_its_timeout()
    {
        var script = new Script { Name = "burn", Type = ScriptType.Commissioning, TimeoutSeconds = 3600 };
        script.Versions.Add(new ScriptVersion { Data = "#!/bin/sh\n" });
        await _scripts.AddAsync(script, Ct);
        await StartAsync(MachineStatus.Commissioning, ScriptSetKind.Commissioning, "burn", (int)script.Id, """{"runtime": {"type": "runtime", "value": 60}}""");

        _time.Advance(TimeSpan.FromSeconds(61) + ScriptTimeouts.Grace);
        Assert.Equal(["m1"], await Timeouts.RunOnceAsync(Ct));

        Machine machine = (await _machines.FindAsync("m1", Ct))!;
        Assert.Equal(MachineStatus.FailedCommissioning, machine.Status);
        Assert.Equal("burn has run past it's timeout(0:01:00)", machine.ErrorDescription);
    }

    [Fact]
    public async Task A_script_without_a_timeout_or_with_ssh_kept_on_is_treated_as_MAAS_treats_it()
    {
        // memtester has no timeout: it may run for ever.
        await StartAsync(MachineStatus.Testing, ScriptSetKind.Testing, "memtester", 9);
        _time.Advance(TimeSpan.FromDays(3));
        Assert.Empty(await Timeouts.RunOnceAsync(Ct));
        Assert.Equal(MachineStatus.Testing, (await _machines.FindAsync("m1", Ct))!.Status);
    }

    [Fact]
    public async Task With_ssh_enabled_the_failed_machine_is_left_powered_on()
    {
        await StartAsync(MachineStatus.Commissioning, ScriptSetKind.Commissioning, "maas-kernel-cmdline", 4);
        Machine machine = (await _machines.FindAsync("m1", Ct))!;
        machine.EnableSsh = true;
        await _machines.SaveAsync(machine, Ct);

        _time.Advance(TimeSpan.FromSeconds(11) + ScriptTimeouts.Grace);
        Assert.Equal(["m1"], await Timeouts.RunOnceAsync(Ct));
        IReadOnlyList<MachineEvent> events = await _machines.EventsAsync("m1", Ct);
        Assert.DoesNotContain(events, e => e.Type == EventTypes.RequestNodeStop.Name);
        Assert.Equal(MachineStatus.FailedCommissioning, (await _machines.FindAsync("m1", Ct))!.Status);
    }
}
