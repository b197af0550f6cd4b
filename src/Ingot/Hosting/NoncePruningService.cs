using Ingot.Core.Regions;
using Ingot.Core.Users;

namespace Ingot.Hosting;

/// <summary>
/// Forgets OAuth nonces whose timestamp is older than twice the timestamp window, every five
/// minutes: a replay that old is refused by the timestamp check, so the ledger need not hold it.
/// One region at a time (<see cref="RegionJob.NoncePruning"/>).
/// </summary>
public sealed partial class NoncePruningService(INonceLedger nonces, IRegionJobLocks locks, TimeProvider time, ILogger<NoncePruningService> logger)
    : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromMinutes(5);

    public static TimeSpan KeepFor { get; } = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using IAsyncDisposable? held = await locks.TryTakeAsync(RegionJob.NoncePruning, stoppingToken);
                if (held is null)
                {
                    continue;
                }

                await nonces.PruneAsync(time.GetUtcNow().UtcDateTime - KeepFor, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PruneFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning OAuth nonces failed")]
    private static partial void PruneFailed(ILogger logger, Exception exception);
}
