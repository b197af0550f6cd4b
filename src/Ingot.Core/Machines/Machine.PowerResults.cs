using Ingot.Core.Events;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// How long a region's claim on a power request lasts (<see cref="PowerClaimExpires"/>): longer than a
    /// power action with all its retries takes, so that a claim only runs out when its region died.
    /// </summary>
    public static readonly TimeSpan PowerClaimTime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The power request a region took and has not recorded a result for yet (None when there is none).
    /// Stored with the machine, with <see cref="PowerClaimExpires"/>, so that another region carries it
    /// out when the one that took it was killed meanwhile.
    /// </summary>
    public PowerRequest ClaimedPower { get; private set; }

    /// <summary>When the claim on <see cref="ClaimedPower"/> runs out; null when nothing is claimed.</summary>
    public DateTime? PowerClaimExpires { get; private set; }

    /// <summary>Whether there is power work for a region to take at <paramref name="now"/>: a request, or a claim that ran out.</summary>
    public bool HasPowerWork(DateTime now) =>
        RequestedPower != PowerRequest.None || (ClaimedPower != PowerRequest.None && PowerClaimExpires is { } expires && expires <= now);

    /// <summary>
    /// The pending power request, handed to the power layer once: it is cleared, recorded as starting and
    /// claimed until <paramref name="now"/> + <see cref="PowerClaimTime"/>. Without a request, a claim that
    /// ran out (its region stopped before recording a result) is taken over and returned again, without a
    /// second "starting" event. Saved with the version check, so two regions cannot both take one request.
    /// </summary>
    public PowerRequest TakeRequestedPower(DateTime now)
    {
        PowerRequest request = RequestedPower;
        if (request == PowerRequest.None)
        {
            if (ClaimedPower == PowerRequest.None || PowerClaimExpires is not { } expires || expires > now)
            {
                return PowerRequest.None;
            }

            PowerClaimExpires = now + PowerClaimTime;
            Updated = now;
            return ClaimedPower;
        }

        RequestedPower = PowerRequest.None;
        ClaimedPower = request;
        PowerClaimExpires = now + PowerClaimTime;
        Record(request switch
        {
            PowerRequest.On => EventTypes.NodePowerOnStarting,
            PowerRequest.Cycle => EventTypes.NodePowerCycleStarting,
            _ => EventTypes.NodePowerOffStarting,
        }, "", now);
        Updated = now;
        return request;
    }

    /// <summary>Records how a power action ended: the new state (through <see cref="UpdatePowerState"/>) or a failure event with MAAS's text.</summary>
    public void RecordPowerResult(PowerRequest request, PowerOutcome outcome, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (ClaimedPower == request)
        {
            ClaimedPower = PowerRequest.None;
            PowerClaimExpires = null;
        }

        if (!outcome.Succeeded)
        {
            Record(request switch
            {
                PowerRequest.On => EventTypes.NodePowerOnFailed,
                PowerRequest.Cycle => EventTypes.NodePowerCycleFailed,
                _ => EventTypes.NodePowerOffFailed,
            }, outcome.Error ?? "", now);
            PowerState = PowerState.Error;
            Updated = now;
            return;
        }

        if (outcome.State is PowerState.On or PowerState.Off)
        {
            Record(outcome.State == PowerState.On ? EventTypes.NodePoweredOn : EventTypes.NodePoweredOff, "", now);
        }

        RecordQueriedPowerState(outcome, now);
    }

    /// <summary>
    /// A query's result (<c>update_power_state</c>): a failure is an error state and a NODE_POWER_QUERY_FAILED
    /// event. Either way <see cref="PowerStateQueried"/> becomes <paramref name="now"/>.
    /// </summary>
    public void RecordQueriedPowerState(PowerOutcome outcome, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        PowerStateQueried = now;
        if (!outcome.Succeeded)
        {
            if (PowerState != PowerState.Error)
            {
                Record(EventTypes.NodePowerQueryFailed, outcome.Error ?? "", now);
            }

            PowerState = PowerState.Error;
            Updated = now;
            return;
        }

        if (outcome.State != PowerState || Status is MachineStatus.Releasing or MachineStatus.ExitingRescueMode)
        {
            UpdatePowerState(outcome.State, now);
        }
    }
}
