using Ingot.Core.Events;

namespace Ingot.Core.Machines.Signals;

/// <summary>
/// What one signal does to a machine, decided by <see cref="SignalTable"/> without touching it;
/// <see cref="Machine.Signal"/> applies it. A refused outcome applies nothing (MAAS rolls the
/// request back).
/// </summary>
public sealed record SignalOutcome
{
    /// <summary>The accepted-and-ignored answer: 200 and nothing changes.</summary>
    public static SignalOutcome Ignored { get; } = new();

    /// <summary>Null when the signal is accepted (HTTP 200); otherwise the error to answer with.</summary>
    public SignalRefusal? Refusal { get; init; }

    /// <summary>
    /// The status the handler moves to through <c>update_status</c> (validated against
    /// <see cref="NodeTransitions"/>), or null for no change. Set on an
    /// invalid-transition refusal too, to show what was attempted.
    /// </summary>
    public MachineStatus? Target { get; init; }

    /// <summary>
    /// <c>mark_failed(comment)</c>: the machine moves to its failure-map status (unvalidated) and
    /// the comment becomes its <c>error_description</c>. Null when the signal marks nothing failed.
    /// </summary>
    public string? FailureComment { get; init; }

    /// <summary>The <c>enlisting</c> metadata is deleted.</summary>
    public bool ClearsEnlisting { get; init; }

    /// <summary>
    /// <c>status_expires</c> is cleared: the first signal in COMMISSIONING or TESTING proves the
    /// machine booted, and from then on the script reaper watches it.
    /// </summary>
    public bool ClearsStatusExpires { get; init; }

    /// <summary>The new status of the current commissioning script set, or null to leave it.</summary>
    public ScriptSetStatus? CommissioningResult { get; init; }

    /// <summary>The node event recorded (READY, NEW, FAILED_COMMISSIONING, FAILED_TESTING, RESCUE_MODE, ...).</summary>
    public EventType? Event { get; init; }

    /// <summary>The description recorded with <see cref="Event"/>.</summary>
    public string EventDescription { get; init; } = "";

    /// <summary>Which script set the uploaded results are stored in; null when they are not stored.</summary>
    public ScriptSetKind? StoresResultsIn { get; init; }

    public bool IsAccepted => Refusal is null;

    /// <summary>
    /// MAAS sets <c>node.error</c> from the optional <c>error</c> parameter (clearing it when
    /// absent) only on the path that changes the status; every other accepted signal returns first.
    /// </summary>
    public bool UpdatesError => IsAccepted && Target is not null;
}
