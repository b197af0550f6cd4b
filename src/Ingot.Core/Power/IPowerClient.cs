namespace Ingot.Core.Power;

/// <summary>
/// The port to the power layer (drivers, retries): carries out a <see cref="PowerCommand"/> or queries
/// a BMC. Never throws for a BMC's failure; the outcome carries MAAS's error text instead.
/// </summary>
public interface IPowerClient
{
    Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct);

    Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct);
}
