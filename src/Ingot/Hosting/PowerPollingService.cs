using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Regions;

namespace Ingot.Hosting;

/// <summary>
/// MAAS's power-state polling: every <see cref="Interval"/> (5 minutes) each machine with a queryable
/// power type is queried, <see cref="Parallelism"/> at a time, and the state stored
/// (<see cref="MachinePower.PollAsync"/>), which also completes releases waiting for power off. A pass
/// holds <see cref="RegionJob.PowerPolling"/>'s lock: one region polls at a time.
/// </summary>
public sealed partial class PowerPollingService(IMachineStore store, IPowerClient client, IRegionJobLocks locks, TimeProvider time, ILogger<PowerPollingService> logger)
    : BackgroundService
{
    public const int Parallelism = 64;

    public static TimeSpan Interval { get; } = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var power = new MachinePower(store, client, time);
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using IAsyncDisposable? held = await locks.TryTakeAsync(RegionJob.PowerPolling, stoppingToken);
                if (held is null)
                {
                    continue;
                }

                int count = await power.PollAsync(Parallelism, stoppingToken);
                Polled(logger, count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PassFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Power polling queried {Count} machine(s)")]
    private static partial void Polled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Power polling pass failed")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
