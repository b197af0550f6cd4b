using Ingot.Core.Events;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// <c>lock</c>: REQUEST_NODE_LOCK; already locked returns silently; only a DEPLOYED or
    /// DEPLOYING machine can be locked.
    /// </summary>
    public void Lock(Actor actor, DateTime now, string? comment = null)
    {
        if (!Locked && Status is not (MachineStatus.Deployed or MachineStatus.Deploying))
        {
            throw MachineOperationException.StateViolation("Can't lock, node is not deployed or deploying");
        }

        Record(EventTypes.RequestNodeLock, comment ?? "", now, actor.Username);
        if (Locked)
        {
            return;
        }

        SetLocked(true);
        Updated = now;
    }

    /// <summary><c>unlock</c>: REQUEST_NODE_UNLOCK; not locked returns silently.</summary>
    public void Unlock(Actor actor, DateTime now, string? comment = null)
    {
        Record(EventTypes.RequestNodeUnlock, comment ?? "", now, actor.Username);
        if (!Locked)
        {
            return;
        }

        SetLocked(false);
        Updated = now;
    }
}
