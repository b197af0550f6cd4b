using System.Collections.Frozen;
using Ingot.Core.Events;
using static Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Machines.Signals;

/// <summary>
/// MAAS's completion-signal table (<c>VersionIndexHandler.signal</c>, <c>src/metadataserver/api.py</c>)
/// as a pure function: what a booting machine's OK / FAILED / WORKING / ... does in each status.
/// <list type="bullet">
/// <item>A status outside <c>SIGNAL_STATUS</c> is refused first, whatever the machine's status: 400.</item>
/// <item>NEW, COMMISSIONING, DEPLOYED, TESTING, DEPLOYING, DISK_ERASING, ENTERING_RESCUE_MODE,
/// RELEASING and RESCUE_MODE have a handler.</item>
/// <item><see cref="Ignored"/> statuses accept every signal and change nothing.</item>
/// <item>Every other status is refused: 409 "Machine status isn't valid (status is &lt;label&gt;)".</item>
/// </list>
/// A handler's <see cref="SignalOutcome.Target"/> goes through <c>update_status</c>, which validates
/// it: where the table forbids it, MAAS raises "Invalid transition" and so does this function
/// (DEPLOYED → FAILED_COMMISSIONING or NEW, and TESTING → a previous_status the TESTING row lacks).
/// Failures reported by DEPLOYING, DISK_ERASING, ENTERING_RESCUE_MODE and RELEASING go through
/// <c>mark_failed</c> instead, which uses the failure map without validation.
/// </summary>
/// <remarks>
/// DEPLOYED shares COMMISSIONING's handler, because machines added with <c>deployed=true</c> and
/// hardware-sync machines upload commissioning results through it. MAAS's code applies the whole
/// mapping there, and so does Ingot, so that both answer alike: OK moves a deployed machine to
/// READY (DEPLOYED → READY is in the table), TESTING to TESTING, while FAILED (or OK while enlisting,
/// or any result with a failed commissioning script) is refused with "Invalid transition: Deployed
/// -&gt; ..." and changes nothing. WORKING and the other progress signals, which are what those
/// machines send in MAAS's own test, only store results.
/// </remarks>
public static class SignalTable
{
    public const string InstallationFailed = "Installation failed (refer to the installation log for more information).";
    public const string DiskErasingFailed = "Failed to erase disks.";
    public const string EnteringRescueModeFailed = "Failed to enter rescue mode.";
    public const string ReleasingFailed = "Failed to release machine.";

    /// <summary>Ingot's description of the event a finished disk erasure records.</summary>
    public const string DiskErasingFinished = "Disk erasing finished";

    /// <summary>Statuses with a handler (<c>process_status_dict</c>).</summary>
    public static FrozenSet<MachineStatus> Handled { get; } = new[]
    {
        New, Commissioning, Deployed, Testing, Deploying, DiskErasing, EnteringRescueMode, Releasing, RescueMode,
    }.ToFrozenSet();

    /// <summary>Signalable statuses without a handler: the signal is accepted (200) and ignored.</summary>
    public static FrozenSet<MachineStatus> Ignored { get; } = new[]
    {
        Broken, FailedCommissioning, FailedDeployment, Ready, FailedEnteringRescueMode, FailedTesting,
    }.ToFrozenSet();

    /// <summary>Decides a signal given as its wire name; an unknown name is refused with 400.</summary>
    public static SignalOutcome Evaluate(MachineStatus current, string? status, SignalFacts facts) =>
        SignalStatuses.TryParse(status, out SignalStatus signal)
            ? Evaluate(current, signal, facts)
            : new SignalOutcome { Refusal = SignalRefusal.UnknownStatus(status) };

    public static SignalOutcome Evaluate(MachineStatus current, SignalStatus signal, SignalFacts facts)
    {
        SignalOutcome outcome = current switch
        {
            New => ProcessNew(signal),
            Commissioning or Deployed => ProcessCommissioning(signal, facts),
            Testing => ProcessTesting(signal, facts),
            Deploying => FailOn(signal, InstallationFailed) with { StoresResultsIn = ScriptSetKind.Installation },
            DiskErasing => ProcessDiskErasing(signal),
            EnteringRescueMode => signal is SignalStatus.Ok or SignalStatus.Working
                ? new SignalOutcome { Target = RescueMode, Event = EventTypes.RescueMode }
                : FailOn(signal, EnteringRescueModeFailed),
            Releasing => FailOn(signal, ReleasingFailed) with { StoresResultsIn = ScriptSetKind.Release },
            RescueMode => new SignalOutcome { StoresResultsIn = ScriptSetKind.Commissioning },
            _ when Ignored.Contains(current) => SignalOutcome.Ignored,
            _ => new SignalOutcome { Refusal = SignalRefusal.StatusNotValid(current) },
        };

        return outcome.Target switch
        {
            // MAAS: "if target_status in (None, node.status)": no change.
            { } target when target == current => outcome with { Target = null },
            { } target when !NodeTransitions.IsAllowed(current, target) =>
                outcome with { Refusal = SignalRefusal.InvalidTransition(current, target) },
            _ => outcome,
        };
    }

    /// <summary>
    /// <c>_process_testing</c>'s answer to OK: NEW while enlisting; READY after a status in
    /// <see cref="MachineStatuses.TestingResetReady"/>; NEW after FAILED_COMMISSIONING; otherwise
    /// back to previous_status.
    /// </summary>
    public static MachineStatus TestingPassedTarget(SignalFacts facts) => facts switch
    {
        { Enlisting: true } => New,
        _ when MachineStatuses.TestingResetReady.Contains(facts.PreviousStatus) => Ready,
        { PreviousStatus: FailedCommissioning } => New,
        _ => facts.PreviousStatus,
    };

    private static SignalOutcome ProcessNew(SignalStatus signal) =>
        signal == SignalStatus.Commissioning
            // The enlistment environment asks to commission: a fresh commissioning script set.
            ? new SignalOutcome { Target = Commissioning, CommissioningResult = ScriptSetStatus.Pending }
            : SignalOutcome.Ignored;

    private static SignalOutcome ProcessCommissioning(SignalStatus signal, SignalFacts facts)
    {
        MachineStatus? target = signal switch
        {
            SignalStatus.Ok => Ready,
            SignalStatus.Failed => FailedCommissioning,
            SignalStatus.Testing => Testing,
            _ => null,
        };

        bool clearsEnlisting = facts.Enlisting && target is Ready or FailedCommissioning;
        if (clearsEnlisting && target == Ready)
        {
            target = New;
        }

        if (target is New or Ready or Testing && facts.HasFailedCommissioningScriptResult)
        {
            target = FailedCommissioning;
        }

        return new SignalOutcome
        {
            Target = target,
            ClearsEnlisting = clearsEnlisting,
            ClearsStatusExpires = true,
            StoresResultsIn = ScriptSetKind.Commissioning,
            CommissioningResult = target switch
            {
                null => null,
                FailedCommissioning => ScriptSetStatus.Failed,
                _ => ScriptSetStatus.Passed,
            },
            Event = EventFor(target),
        };
    }

    private static SignalOutcome ProcessTesting(SignalStatus signal, SignalFacts facts)
    {
        MachineStatus? target = signal switch
        {
            SignalStatus.Ok => TestingPassedTarget(facts),
            SignalStatus.Failed => FailedTesting,
            _ => null,
        };

        return new SignalOutcome
        {
            Target = target,
            ClearsEnlisting = signal == SignalStatus.Ok && facts.Enlisting,
            ClearsStatusExpires = true,
            StoresResultsIn = ScriptSetKind.Testing,
            Event = EventFor(target),
        };
    }

    private static SignalOutcome ProcessDiskErasing(SignalStatus signal)
    {
        SignalOutcome outcome = signal == SignalStatus.Ok
            ? new SignalOutcome { Event = EventTypes.NodeStatusEvent, EventDescription = DiskErasingFinished }
            : FailOn(signal, DiskErasingFailed);
        return outcome with { StoresResultsIn = ScriptSetKind.Release };
    }

    private static SignalOutcome FailOn(SignalStatus signal, string comment) =>
        signal == SignalStatus.Failed ? new SignalOutcome { FailureComment = comment } : SignalOutcome.Ignored;

    private static EventType? EventFor(MachineStatus? target) => target switch
    {
        Ready => EventTypes.Ready,
        FailedCommissioning => EventTypes.FailedCommissioning,
        RescueMode => EventTypes.RescueMode,
        New => EventTypes.New,
        FailedTesting => EventTypes.FailedTesting,
        _ => null,
    };
}
