using Ingot.Core.Power;

namespace Ingot.Hosting;

/// <summary>
/// The power client with each request and query logged at debug level: the machine, the request, the
/// power type and the claim it is carried out under (<see cref="PowerCommand.Claim"/>: region, time taken,
/// taken over from which region), then the outcome.
/// </summary>
public sealed partial class LoggedPowerClient(IPowerClient inner, ILogger<LoggedPowerClient> logger) : IPowerClient
{
    public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        Performing(logger, command.Request, command.SystemId, command.PowerType, command.Claim);
        PowerOutcome outcome = await inner.PerformAsync(command, ct);
        Performed(logger, command.Request, command.SystemId, command.Claim, outcome.Succeeded ? outcome.State.ToString() : $"failed: {outcome.Error}");
        return outcome;
    }

    public async Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        PowerOutcome outcome = await inner.QueryAsync(command, ct);
        if (command.Claim.Length > 0)
        {
            QueriedForClaim(logger, command.SystemId, command.Claim, outcome.Succeeded ? outcome.State.ToString() : $"failed: {outcome.Error}");
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Power {Request} for {SystemId} ({PowerType}) under claim [{Claim}]")]
    private static partial void Performing(ILogger logger, Core.Machines.Actions.PowerRequest request, string systemId, string powerType, string claim);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Power {Request} for {SystemId} under claim [{Claim}] ended: {Outcome}")]
    private static partial void Performed(ILogger logger, Core.Machines.Actions.PowerRequest request, string systemId, string claim, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Power query for {SystemId} under claim [{Claim}]: {Outcome}")]
    private static partial void QueriedForClaim(ILogger logger, string systemId, string claim, string outcome);
}
