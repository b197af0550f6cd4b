using Ingot.Core.Machines.Signals;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// The metadata API's <c>signal</c> op from this machine: decides with <see cref="SignalTable"/>
    /// and applies the outcome. Status changes go through <see cref="TransitionTo"/> (validated, as
    /// MAAS's <c>update_status</c>) or <see cref="MarkFailed"/> (the failure map); nothing else
    /// assigns the status. A refused signal throws <see cref="MachineOperationException"/> (400 or
    /// 409, MAAS's text) and leaves the machine untouched.
    /// </summary>
    /// <param name="status">The signal's wire name, e.g. <c>OK</c>.</param>
    /// <param name="error">
    /// The optional <c>error</c> parameter: stored in <see cref="Error"/> (or cleared when null) when
    /// the signal changes the status, as MAAS does.
    /// </param>
    /// <param name="hasFailedCommissioningScriptResult">
    /// Whether a result of the current commissioning script set, including those uploaded with this
    /// signal, has failed.
    /// </param>
    /// <param name="now">The time of the signal (UTC).</param>
    public SignalOutcome Signal(string? status, string? error, bool hasFailedCommissioningScriptResult, DateTime now)
    {
        var facts = new SignalFacts(PreviousStatus, Enlisting, hasFailedCommissioningScriptResult);
        SignalOutcome outcome = SignalTable.Evaluate(Status, status, facts);
        if (outcome.Refusal is { } refusal)
        {
            throw refusal.ToException();
        }

        if (outcome.ClearsStatusExpires)
        {
            StatusExpires = null;
        }

        if (outcome.CommissioningResult is { } result)
        {
            if (result == ScriptSetStatus.Pending)
            {
                // NEW → COMMISSIONING at the enlistment environment's request: a fresh script set.
                BeginScriptRun();
            }

            CommissioningResult = result;
        }

        if (outcome.ClearsEnlisting)
        {
            Enlisting = false;
        }

        if (outcome.Event is { } nodeEvent)
        {
            Record(nodeEvent, outcome.EventDescription, now);
        }

        if (outcome.FailureComment is { } comment)
        {
            MarkFailed(comment, now, Actor.System);
        }

        if (outcome.Target is { } target)
        {
            TransitionTo(target, now);
            Error = error ?? "";
        }

        return outcome;
    }
}
