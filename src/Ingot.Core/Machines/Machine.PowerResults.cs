using Ingot.Core.Events;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>The pending power request, handed to the power layer once: it is cleared and recorded as starting.</summary>
    public PowerRequest TakeRequestedPower(DateTime now)
    {
        PowerRequest request = RequestedPower;
        if (request == PowerRequest.None)
        {
            return request;
        }

        RequestedPower = PowerRequest.None;
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
