using CsCheck;
using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Properties;

/// <summary>
/// Random sequences of UI actions, REST ops, power reports, completion signals (the real signal
/// table, <see cref="Machine.Signal"/>), the deployed OS's user-data fetch, cloud-init's
/// modules-final after erasing/releasing, and status-monitor passes, by random actors, on one
/// machine. After every step:
/// <list type="bullet">
/// <item>each status change has exactly one NODE_CHANGED_STATUS event, and the events chain from
/// the old status to the new one;</item>
/// <item>every change is allowed by <see cref="NodeTransitions"/>, except on the named
/// unvalidated paths (abort targets, failure marking by the monitor);</item>
/// <item>owner is null in NEW and READY; StatusExpires is null outside monitored statuses;</item>
/// <item>a refused step changes nothing, on the machine or in the store.</item>
/// </list>
/// </summary>
public class ActionSequenceProperties
{
    private const string SystemId = "abc123";
    private static readonly DateTime s_start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] s_powerTypes = ["ipmi", "manual", ""];
    private static readonly Actor[] s_actors =
    [
        Actor.User("alice"), Actor.User("bob"), Actor.User("root", isAdmin: true), Actor.System,
    ];

    private static readonly string[] s_uiActions =
        [.. NodeActions.All.Select(a => a.Name).Where(n => n is not (NodeActions.Clone or NodeActions.Delete))];

    private static readonly string[] s_restOps =
    [
        "commission", "test", "deploy", "release", "abort", "mark_broken", "mark_fixed", "rescue_mode",
        "exit_rescue_mode", "lock", "unlock", "override_failed_testing", "power_on", "power_off", "allocate", "accept",
        "release_many",
    ];

    /// <summary>What a booting machine sends: every SIGNAL_STATUS and one MAAS does not know.</summary>
    private static readonly string[] s_signals =
        ["OK", "OK", "OK", "FAILED", "WORKING", "COMMISSIONING", "TESTING", "TIMEDOUT", "INSTALLING", "APPLYING_NETCONF", "RELEASING", "DEPLOYING", "BOGUS"];

    private static readonly string[] s_other = ["power_report", "end_deployment", "modules_final", "monitor"];

    private static readonly string[] s_steps =
        [.. s_uiActions.Select(a => "ui:" + a), .. s_restOps, .. s_signals.Select(s => "signal:" + s), .. s_other, .. s_other];

    private static readonly Gen<(int Op, int Actor, int Param, int Minutes)> s_step =
        Gen.Select(Gen.Int[0, s_steps.Length - 1], Gen.Int[0, s_actors.Length - 1], Gen.Int[0, 3], Gen.Int[0, 12]);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MachineStatus, int> s_visited = new();

    [Fact]
    public async Task Random_action_sequences_keep_every_invariant()
    {
        int steps = 0;
        await Gen.Select(Gen.Int[0, MachineStatuses.All.Count - 1], Gen.Int[0, s_powerTypes.Length - 1], Gen.Bool, s_step.Array[1, 40])
            .SampleAsync(async (status, powerType, commissioned, sequence) =>
            {
                await RunAsync((MachineStatus)status, s_powerTypes[powerType], commissioned, sequence);
                Interlocked.Add(ref steps, sequence.Length);
            }, iter: 600, threads: 1);

        Assert.True(steps > 400);

        // The sequences must really wander: every status is visited after some successful step.
        Assert.Equal(MachineStatuses.All.Order(), s_visited.Keys.Order());
    }

    private static async Task RunAsync(MachineStatus initial, string powerType, bool commissioned, (int Op, int Actor, int Param, int Minutes)[] sequence)
    {
        CancellationToken ct = CancellationToken.None;
        var machine = Machine.Create(SystemId, "host", s_start);
        machine.PowerType = powerType;
        machine.CommissioningResult = commissioned ? ScriptSetStatus.Passed : null;
        // The AUTO link commissioning gives the boot interface, whatever the start (deploy needs a network).
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:12:34:56"), Links = [new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.0.0.0/24" }] });
        machine.BlockDevices.Add(new BlockDevice { Name = "sda", SizeBytes = 1L << 36 });

        // Start anywhere, as MAAS's factory does: owned by alice unless NEW or READY, expiry armed if monitored.
        machine.ForceStatus(initial, UnvalidatedReason.AddedDeployed, s_start);
        if (!MachineStatuses.OwnerClearedOnEntering.Contains(initial))
        {
            machine.SetOwner("alice");
        }

        machine.SetStatusExpires(s_start.AddMinutes(30));
        var store = new InMemoryMachineStore();
        await store.AddAsync(machine, ct);
        var time = new FakeTimeProvider(s_start);
        var settings = LifecycleSettings.Default;
        var ops = new MachineOperations(store, time, settings);
        var actions = new MachineActions(store, time, settings);
        var monitor = new StatusMonitor(store, settings, time);

        foreach ((int op, int actorIndex, int param, int minutes) in sequence)
        {
            time.Advance(TimeSpan.FromMinutes(minutes));
            string step = s_steps[op];
            Actor actor = s_actors[actorIndex];
            MachineSnapshot before = MachineSnapshot.Of(machine);
            int eventsBefore = (await store.EventsAsync(SystemId, ct)).Count;

            try
            {
                await ApplyAsync(step, actor, param, machine, store, ops, actions, monitor, time, ct);
            }
            catch (MachineOperationException)
            {
                Assert.Equal(before, MachineSnapshot.Of(machine));
                Assert.Equal(eventsBefore, (await store.EventsAsync(SystemId, ct)).Count);
                continue;
            }

            Assert.Empty(machine.PendingEvents);
            IReadOnlyList<MachineEvent> events = [.. (await store.EventsAsync(SystemId, ct)).Skip(eventsBefore)];
            CheckStatusEvents(step, before.Status, machine.Status, events);
            CheckInvariants(machine);
            s_visited.AddOrUpdate(machine.Status, 1, (_, n) => n + 1);
        }
    }

    private static void CheckStatusEvents(string step, MachineStatus from, MachineStatus to, IReadOnlyList<MachineEvent> events)
    {
        MachineStatus current = from;
        foreach (MachineEvent e in events.Where(e => e.Type == EventTypes.NodeChangedStatus.Name))
        {
            Assert.Equal(current, e.FromStatus);
            MachineStatus next = e.ToStatus!.Value;
            Assert.NotEqual(current, next);
            bool unvalidated =
                (step is "abort" or "ui:abort" && MachineStatuses.Monitored.Contains(current))
                || (step == "monitor" && MachineStatuses.FailureMap.GetValueOrDefault(current) == next);
            Assert.True(
                NodeTransitions.IsAllowed(current, next) || unvalidated,
                $"{step}: {current} -> {next} is not in the table");
            current = next;
        }

        Assert.Equal(to, current);
    }

    private static void CheckInvariants(Machine machine)
    {
        if (machine.Status is MachineStatus.New or MachineStatus.Ready)
        {
            Assert.Null(machine.Owner);
        }

        if (!machine.Status.IsMonitored())
        {
            Assert.Null(machine.StatusExpires);
        }
    }

    private static async Task ApplyAsync(
        string step, Actor actor, int param, Machine machine, InMemoryMachineStore store, MachineOperations ops,
        MachineActions actions, StatusMonitor monitor, FakeTimeProvider time, CancellationToken ct)
    {
        var release = new ReleaseOptions(Erase: param == 1);
        if (step.StartsWith("ui:", StringComparison.Ordinal))
        {
            var parameters = new ActionParameters
            {
                Release = release,
                Tag = "t" + param,
                Zone = "z" + param,
                Pool = param == 0 ? "" : "p" + param,
                StopMode = param == 2 ? StopMode.Soft : StopMode.Hard,
            };
            await actions.ExecuteAsync(SystemId, step[3..], actor, parameters, ct);
            return;
        }

        Task work = step switch
        {
            "commission" => ops.CommissionAsync(SystemId, actor, null, ct),
            "test" => ops.TestAsync(SystemId, actor, false, ct),
            "deploy" => ops.DeployAsync(SystemId, actor, null, ct),
            "release" => ops.ReleaseAsync(SystemId, actor, release, ct),
            "release_many" => ops.ReleaseManyAsync([SystemId], actor, release, ct),
            "abort" => ops.AbortAsync(SystemId, actor, null, ct),
            "mark_broken" => ops.MarkBrokenAsync(SystemId, actor, "comment", ct),
            "mark_fixed" => ops.MarkFixedAsync(SystemId, actor, null, ct),
            "rescue_mode" => ops.RescueModeAsync(SystemId, actor, ct),
            "exit_rescue_mode" => ops.ExitRescueModeAsync(SystemId, actor, ct),
            "lock" => ops.LockAsync(SystemId, actor, null, ct),
            "unlock" => ops.UnlockAsync(SystemId, actor, null, ct),
            "override_failed_testing" => ops.OverrideFailedTestingAsync(SystemId, actor, null, ct),
            "power_on" => ops.PowerOnAsync(SystemId, actor, null, ct),
            "power_off" => ops.PowerOffAsync(SystemId, actor, StopMode.Hard, null, ct),
            "allocate" => ops.AllocateAsync(actor, null, ct),
            "accept" => ops.AcceptAsync([SystemId], actor, ct),
            "power_report" => ops.ReportPowerStateAsync(SystemId, (PowerState)param, ct),
            "end_deployment" => SaveIfAsync(machine.EndDeployment(Now(time)), machine, store, ct),
            "modules_final" => ModulesFinalAsync(machine, store, time, ct),
            "monitor" => monitor.RunOnceAsync(ct),
            _ when step.StartsWith("signal:", StringComparison.Ordinal) => SignalAsync(step[7..], param, machine, store, time, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        await work;
    }

    private static DateTime Now(FakeTimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>A booting machine's signal through the real table; param 3 reports a failed commissioning script.</summary>
    private static async Task SignalAsync(string status, int param, Machine machine, InMemoryMachineStore store, FakeTimeProvider time, CancellationToken ct)
    {
        machine.Signal(status, param == 2 ? "an error" : null, hasFailedCommissioningScriptResult: param == 3, Now(time));
        await store.SaveAsync(machine, ct);
    }

    private static async Task SaveIfAsync(bool changed, Machine machine, InMemoryMachineStore store, CancellationToken ct)
    {
        if (changed)
        {
            await store.SaveAsync(machine, ct);
        }
    }

    /// <summary>
    /// cloud-init's <c>modules-final</c> finishing in DISK_ERASING or RELEASING: MAAS calls
    /// <c>release()</c> (the metadata API that drives it arrives with its own issue).
    /// </summary>
    private static async Task ModulesFinalAsync(Machine machine, InMemoryMachineStore store, FakeTimeProvider time, CancellationToken ct)
    {
        if (machine.Status is MachineStatus.DiskErasing or MachineStatus.Releasing)
        {
            machine.Release(Actor.System, Now(time), LifecycleSettings.Default);
            await store.SaveAsync(machine, ct);
        }
    }
}
