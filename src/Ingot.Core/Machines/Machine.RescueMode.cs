using Ingot.Core.Events;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// <c>start_rescue_mode</c>: needs a power type; ENTERING_RESCUE_MODE (validated, so
    /// FAILED_EXITING_RESCUE_MODE is refused even though the UI action lists it); the actor becomes
    /// owner; power cycle; expiry armed for node_timeout minutes.
    /// </summary>
    public void StartRescueMode(Actor actor, DateTime now, LifecycleSettings settings)
    {
        RequirePowerType();
        RequireTransition(MachineStatus.EnteringRescueMode);

        Record(EventTypes.RequestNodeStartRescueMode, "", now, actor.Username);
        TransitionTo(MachineStatus.EnteringRescueMode, now, actor.Username);
        SetOwner(actor.Username);
        ArmExpiry(now, settings);
        RequestPower(PowerRequest.Cycle, now);
    }

    /// <summary>
    /// <c>stop_rescue_mode</c>: EXITING_RESCUE_MODE (validated); power off when previous_status is
    /// READY or BROKEN, power cycle when DEPLOYED. Power that cannot be queried goes straight back to
    /// previous_status (owner cleared unless DEPLOYED); otherwise the 5-minute grace (MAAS's
    /// <c>EXIT_RESCUE_MODE_TIMEOUT</c>; the status monitor does not act on it) is armed and
    /// the power report (<see cref="UpdatePowerState"/>) finishes it.
    /// </summary>
    public void StopRescueMode(Actor actor, DateTime now, LifecycleSettings settings)
    {
        RequireTransition(MachineStatus.ExitingRescueMode);
        if (!IsPowerQueryable && !NodeTransitions.IsAllowed(MachineStatus.ExitingRescueMode, PreviousStatus))
        {
            throw MachineOperationException.StateViolation(
                NodeTransitions.InvalidTransitionMessage(MachineStatus.ExitingRescueMode, PreviousStatus));
        }

        Record(EventTypes.RequestNodeStopRescueMode, "", now, actor.Username);
        TransitionTo(MachineStatus.ExitingRescueMode, now, actor.Username);
        if (PreviousStatus is MachineStatus.Ready or MachineStatus.Broken)
        {
            RequestPower(PowerRequest.Off, now);
        }
        else if (PreviousStatus == MachineStatus.Deployed)
        {
            RequestPower(PowerRequest.Cycle, now);
        }

        if (IsPowerQueryable)
        {
            ArmExpiry(now, settings);
        }
        else
        {
            LeaveRescueMode(now, actor);
        }
    }

    /// <summary>Back to previous_status; the owner is kept only for a deployed machine.</summary>
    private void LeaveRescueMode(DateTime now, Actor actor)
    {
        MachineStatus to = PreviousStatus;
        TransitionTo(to, now, actor.Username);
        if (to != MachineStatus.Deployed)
        {
            SetOwner(null);
        }
    }
}
