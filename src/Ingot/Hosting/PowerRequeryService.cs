using Ingot.Core.Machines;
using Ingot.Core.Power;

namespace Ingot.Hosting;

/// <summary>
/// Runs MAAS's power query 20 s after the transitions that call for one (<see cref="PowerRequeries"/>,
/// fed by <see cref="RequeryingMachineStore"/>), <see cref="Parallelism"/> at a time.
/// </summary>
public sealed partial class PowerRequeryService(
    PowerRequeries requeries, IMachineStore store, IPowerClient client, TimeProvider time, ILogger<PowerRequeryService> logger) : BackgroundService
{
    public const int Parallelism = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await requeries.RunAsync(new MachinePower(store, client, time), store, Parallelism, (id, e) => QueryFailed(logger, id, e), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Power query after a transition of {SystemId} failed")]
    private static partial void QueryFailed(ILogger logger, string systemId, Exception exception);
}
