using Ingot.Core.Events;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// <c>abort_operation</c>: power off, then by status (each set without validation, MAAS's
    /// post-commit <c>_set_status</c>, <see cref="UnvalidatedReason.Abort"/>):
    /// COMMISSIONING → NEW (owner cleared); DISK_ERASING → FAILED_DISK_ERASING;
    /// DEPLOYING → ALLOCATED; TESTING → previous_status (READY if that was COMMISSIONING).
    /// The expiry is cleared. Any other status is refused with MAAS's text.
    /// </summary>
    public void AbortOperation(Actor actor, DateTime now, string? comment = null)
    {
        (EventType request, MachineStatus to) = Status switch
        {
            MachineStatus.Commissioning => (EventTypes.RequestNodeAbortCommissioning, MachineStatus.New),
            MachineStatus.DiskErasing => (EventTypes.RequestNodeAbortEraseDisk, MachineStatus.FailedDiskErasing),
            MachineStatus.Deploying => (EventTypes.RequestNodeAbortDeployment, MachineStatus.Allocated),
            MachineStatus.Testing => (EventTypes.RequestNodeAbortTesting,
                PreviousStatus == MachineStatus.Commissioning ? MachineStatus.Ready : PreviousStatus),
            _ => throw MachineOperationException.StateViolation(
                $"Cannot abort in current state: node {SystemId} is in state {Status.Label()}."),
        };

        Record(request, comment ?? "", now, actor.Username);
        RequestPower(Actions.PowerRequest.Off, now);
        ForceStatus(to, UnvalidatedReason.Abort, now, actor.Username);
        if (to == MachineStatus.New)
        {
            SetOwner(null);
        }

        SetStatusExpires(null);
    }
}
