using Ingot.Core.Machines;
using Ingot.Core.Power;

namespace Ingot.Hosting;

/// <summary>
/// Carries out the power requests the API submits (<see cref="MachinePower.CarryOutAsync"/>), up to
/// <see cref="Parallelism"/> machines at once; each call is bounded by the drivers' timeouts and retries.
/// At start, the requests stored before a restart and not yet carried out are submitted first.
/// </summary>
public sealed partial class PowerExecutorService(
    PendingPowerRequests queue, IMachineStore store, IPowerClient client, TimeProvider time, ILogger<PowerExecutorService> logger) : BackgroundService
{
    public const int Parallelism = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var power = new MachinePower(store, client, time);
        try
        {
            IReadOnlyList<string> pending = await power.PendingAsync(stoppingToken);
            foreach (string systemId in pending)
            {
                queue.Submit(systemId);
            }

            if (pending.Count > 0)
            {
                Recovered(logger, pending.Count);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RecoveryFailed(logger, e);
        }

        await Parallel.ForEachAsync(
            queue.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (systemId, ct) =>
            {
                try
                {
                    if (await power.CarryOutAsync(systemId, ct) is { Succeeded: false } outcome)
                    {
                        PowerFailed(logger, systemId, outcome.Error ?? "");
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ExecutionFailed(logger, systemId, e);
                }
            });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} power request(s) pending from before the start resubmitted")]
    private static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pending power requests could not be read at start")]
    private static partial void RecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Power action for {SystemId} failed: {Error}")]
    private static partial void PowerFailed(ILogger logger, string systemId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Power action for {SystemId} could not be carried out")]
    private static partial void ExecutionFailed(ILogger logger, string systemId, Exception exception);
}
