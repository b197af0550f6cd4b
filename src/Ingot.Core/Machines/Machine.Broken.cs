using Ingot.Core.Events;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// <c>mark_broken</c>: REQUEST_NODE_MARK_BROKEN (the _SYSTEM variant for the system actor); a
    /// machine in a releasable status is released first (<c>_release</c>: power off, deployment
    /// fields reset); then BROKEN, with <paramref name="comment"/> as error_description. Every
    /// status has a BROKEN transition, so no status is refused.
    /// </summary>
    public void MarkBroken(Actor actor, DateTime now, LifecycleSettings settings, string? comment = null)
    {
        Record(actor.IsSystem ? EventTypes.RequestNodeMarkBrokenSystem : EventTypes.RequestNodeMarkBroken, comment ?? "", now, actor.Username);
        if (MachineStatuses.Releasable.Contains(Status))
        {
            ReleaseCore(actor, now, settings);
        }

        TransitionTo(MachineStatus.Broken, now, actor.Username);
        ErrorDescription = comment ?? "";
    }

    /// <summary>
    /// <c>mark_fixed</c>: only a BROKEN machine; DEPLOYED when it was deployed before it broke,
    /// else READY; error_description and the deployed-OS fields are cleared.
    /// </summary>
    public void MarkFixed(Actor actor, DateTime now, string? comment = null)
    {
        if (Status != MachineStatus.Broken)
        {
            throw MachineOperationException.StateViolation("Can't mark a non-broken node as 'Ready'.");
        }

        Record(EventTypes.RequestNodeMarkFixed, comment ?? "", now, actor.Username);
        TransitionTo(PreviousStatus == MachineStatus.Deployed ? MachineStatus.Deployed : MachineStatus.Ready, now, actor.Username);
        ErrorDescription = "";
        Osystem = "";
        DistroSeries = "";
        HweKernel = "";
    }

    /// <summary>
    /// <c>override_failed_testing</c>: only FAILED_TESTING; READY when no OS is deployed, else
    /// DEPLOYED; error_description cleared.
    /// </summary>
    public void OverrideFailedTesting(Actor actor, DateTime now, string? comment = null)
    {
        if (Status != MachineStatus.FailedTesting)
        {
            throw MachineOperationException.StateViolation(
                "Unable to override node status. Node is not in 'Failed testing' status.");
        }

        Record(EventTypes.RequestNodeOverrideFailedTesting, comment ?? "", now, actor.Username);
        TransitionTo(Osystem.Length == 0 ? MachineStatus.Ready : MachineStatus.Deployed, now, actor.Username);
        ErrorDescription = "";
    }
}
