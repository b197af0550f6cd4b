using Ingot.Core.Events;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// The latest power change a life-cycle method asked for, not yet carried out. Core drives no
    /// BMC; the power layer reads this after the save and performs it. Stored with the machine, so a
    /// request accepted before a restart is carried out after it (<see cref="Power.MachinePower.PendingAsync"/>).
    /// </summary>
    public PowerRequest RequestedPower { get; private set; }

    /// <summary>
    /// The BMC this machine sits behind (MAAS's <c>Node.bmc</c>), kept by the store: machines on a
    /// chassis BMC (Redfish, ...) with the same BMC-scoped parameters share one, and a change of those
    /// parameters on one machine reaches all of them. Null without a power type.
    /// </summary>
    public long? BmcId { get; set; }

    /// <summary>When the BMC last answered a power query (MAAS's <c>power_state_queried</c>); null if never.</summary>
    public DateTime? PowerStateQueried { get; set; }

    /// <summary>
    /// Whether a status change since the machine was loaded calls for a power query 20 s after the save
    /// (<see cref="PowerQueryTransitions"/>). Not stored: like MAAS's post-commit timer, it lives in the
    /// process that made the change; whoever schedules the query takes it (<see cref="TakePowerQueryDue"/>).
    /// </summary>
    public bool PowerQueryDue { get; private set; }

    /// <summary>Returns <see cref="PowerQueryDue"/> and clears it.</summary>
    public bool TakePowerQueryDue()
    {
        bool due = PowerQueryDue;
        PowerQueryDue = false;
        return due;
    }

    /// <summary>
    /// Whether the power type can report the machine's power state. MAAS's "manual" driver cannot,
    /// and neither can an unset power type; every other driver can (<c>PowerInfo.can_be_queried</c>).
    /// </summary>
    public bool IsPowerQueryable => PowerType is not ("" or "manual");

    /// <summary>
    /// <c>Node.start</c> for power-on: on an ALLOCATED machine it is a deployment
    /// (<see cref="StartDeployment"/>); otherwise it records REQUEST_NODE_START and asks for power on.
    /// </summary>
    public void Start(Actor actor, DateTime now, LifecycleSettings settings, string? comment = null)
    {
        if (Status == MachineStatus.Allocated)
        {
            StartDeployment(actor, now, settings, DeployOptions.Default with { Comment = comment });
            return;
        }

        Record(EventTypes.RequestNodeStart, comment ?? "", now, actor.Username);
        RequestPower(PowerRequest.On, now);
    }

    /// <summary><c>Node.stop</c>: records REQUEST_NODE_STOP and asks for a hard or soft power off.</summary>
    public void Stop(Actor actor, DateTime now, StopMode mode = StopMode.Hard, string? comment = null)
    {
        Record(EventTypes.RequestNodeStop, comment ?? "", now, actor.Username);
        RequestPower(mode == StopMode.Soft ? PowerRequest.SoftOff : PowerRequest.Off, now);
    }

    /// <summary>
    /// <c>update_power_state</c>: stores the reported state, then
    /// <list type="bullet">
    /// <item>RELEASING and off: the release is finalised (READY or NEW, owner cleared);</item>
    /// <item>EXITING_RESCUE_MODE: the expected state (on when previous_status is DEPLOYED, else off)
    /// returns the machine to previous_status (owner cleared unless DEPLOYED); a wrong state after
    /// the 5-minute expiry fails it to FAILED_EXITING_RESCUE_MODE; earlier, it keeps waiting.</item>
    /// </list>
    /// </summary>
    public void UpdatePowerState(PowerState state, DateTime now)
    {
        if (Status == MachineStatus.ExitingRescueMode && !NodeTransitions.IsAllowed(Status, PreviousStatus))
        {
            throw MachineOperationException.StateViolation(NodeTransitions.InvalidTransitionMessage(Status, PreviousStatus));
        }

        PowerState = state;
        Updated = now;
        if (Status == MachineStatus.Releasing && state == PowerState.Off)
        {
            FinalizeRelease(Actor.System, now);
        }
        else if (Status == MachineStatus.ExitingRescueMode)
        {
            if (state == SettlingPowerState)
            {
                LeaveRescueMode(now, Actor.System);
            }
            else if (StatusExpires is { } expires && now > expires)
            {
                TransitionTo(MachineStatus.FailedExitingRescueMode, now);
            }
        }
    }

    private void RequestPower(PowerRequest request, DateTime now)
    {
        RequestedPower = request;
        Updated = now;
    }

    /// <summary>Power off unless already off (<c>_release</c>, <c>stop_rescue_mode</c>).</summary>
    private void RequestPowerOffIfNotOff(DateTime now)
    {
        if (PowerState != PowerState.Off)
        {
            RequestPower(PowerRequest.Off, now);
        }
    }

    /// <summary>Power on, or cycle when already on (<c>allow_power_cycle=True</c>).</summary>
    private void RequestPowerOnOrCycle(DateTime now) =>
        RequestPower(PowerState == PowerState.On ? PowerRequest.Cycle : PowerRequest.On, now);
}
