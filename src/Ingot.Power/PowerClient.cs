using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Power;

/// <summary>
/// Core's <see cref="IPowerClient"/> over the drivers: finds the machine's driver, runs the action with
/// MAAS's retries and confirmation (<see cref="PowerActions"/>), and turns a <see cref="PowerException"/>
/// into MAAS's error text. A successful action reports the state reached (unknown for drivers that cannot tell).
/// </summary>
public sealed class PowerClient(PowerDriverRegistry registry, PowerActions actions) : IPowerClient
{
    public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            (IPowerDriver driver, PowerContext context) = registry.Resolve(command.PowerType, command.SystemId, command.Parameters);
            switch (command.Request)
            {
                case PowerRequest.On:
                    await actions.OnAsync(driver, context, command.NetworkBooted, ct);
                    break;
                case PowerRequest.Off or PowerRequest.SoftOff:
                    await actions.OffAsync(driver, context, command.Request == PowerRequest.SoftOff ? StopMode.Soft : StopMode.Hard, ct);
                    break;
                case PowerRequest.Cycle:
                    await actions.CycleAsync(driver, context, command.NetworkBooted, ct);
                    break;
                default:
                    return new PowerOutcome(PowerState.Unknown);
            }

            PowerState reached = command.Request is PowerRequest.On or PowerRequest.Cycle ? PowerState.On : PowerState.Off;
            return new PowerOutcome(driver.Schema.Queryable ? reached : PowerState.Unknown);
        }
        catch (PowerException e)
        {
            return PowerOutcome.Failed(e.MaasMessage);
        }
    }

    public async Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            (IPowerDriver driver, PowerContext context) = registry.Resolve(command.PowerType, command.SystemId, command.Parameters);
            return new PowerOutcome(driver.Schema.Queryable ? await actions.QueryAsync(driver, context, ct) : PowerState.Unknown);
        }
        catch (PowerException e)
        {
            return PowerOutcome.Failed(e.MaasMessage);
        }
    }
}
