using Ingot.Core.Regions;
using Ingot.Data.Regions;

namespace Ingot.Hosting;

/// <summary>
/// Keeps this region counted as running on PostgreSQL (<see cref="PostgresRegionLiveness.KeepAsync"/>): its lock
/// connection is checked every <see cref="PostgresRegionLiveness.CheckInterval"/> and opened again when it broke,
/// so that the other regions do not take its power claims over while it runs. Nothing to do on SQLite.
/// </summary>
public sealed partial class RegionLockService(IRegionLiveness regions, ILogger<RegionLockService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (regions is not PostgresRegionLiveness postgres)
        {
            return;
        }

        await postgres.KeepAsync(
            () => Reopened(logger, regions.RegionId),
            e => CheckFailed(logger, regions.RegionId, e),
            stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region}'s lock connection broke and was opened again (same region id)")]
    private static partial void Reopened(ILogger logger, string region);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region}'s lock could not be checked; trying again")]
    private static partial void CheckFailed(ILogger logger, string region, Exception exception);
}
