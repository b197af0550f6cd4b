using Ingot.Core.Events;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// <c>Node.mark_failed</c>: moves a monitored status to its failed status (failure map) and
    /// stores <paramref name="comment"/> as <see cref="ErrorDescription"/>. NEW and the failed
    /// statuses are left alone silently; any other status is refused with MAAS's text.
    /// </summary>
    public void MarkFailed(string? comment, DateTime now, Actor actor)
    {
        if (Status.FailedStatusFor() is { } failed)
        {
            Record(actor.IsSystem ? EventTypes.RequestNodeMarkFailedSystem : EventTypes.RequestNodeMarkFailed, comment ?? "", now, actor.Username);
            ForceStatus(failed, UnvalidatedReason.FailureMarking, now, actor.Username);
            ErrorDescription = comment ?? "";
            return;
        }

        if (Status == MachineStatus.New || Status.IsFailed())
        {
            return;
        }

        throw MachineOperationException.StateViolation(
            $"The status of the node is {(int)Status}; this status cannot be transitioned to a corresponding failed status.");
    }

    /// <summary>MAAS's deploy workflow's <c>mark_failed</c> message when it runs out of time (2 x node_timeout).</summary>
    public const string DeploymentTimedOut = "time-out during deployment";

    /// <summary>The message MAAS's status monitor fails an expired machine with.</summary>
    public static string TimeoutMessage(MachineStatus status, int minutes) =>
        $"Node operation '{status.Label()}' timed out after {minutes} minutes.";
}
