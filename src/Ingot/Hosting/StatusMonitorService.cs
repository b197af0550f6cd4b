using Ingot.Core.Machines;
using Ingot.Core.Regions;

namespace Ingot.Hosting;

/// <summary>
/// Runs <see cref="StatusMonitor"/> at start (so machines that expired while Ingot was stopped
/// are failed at once) and then every <see cref="StatusMonitor.Interval"/>, on the injected
/// <see cref="TimeProvider"/>. A pass that met machines being written by someone else (at start,
/// the power requests resubmitted from before the restart) is run again after
/// <see cref="ConflictRetryDelay"/>, a few times, rather than a whole interval later. A failing pass
/// is logged and the loop goes on. Each pass holds <see cref="RegionJob.StatusMonitor"/>'s lock: with
/// several regions on one database, a pass runs in one of them at a time (the others skip theirs).
/// </summary>
public sealed partial class StatusMonitorService(IServiceProvider services, IRegionJobLocks locks, TimeProvider time, ILogger<StatusMonitorService> logger)
    : BackgroundService
{
    public static TimeSpan ConflictRetryDelay { get; } = TimeSpan.FromSeconds(1);

    private const int ConflictRetries = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(StatusMonitor.Interval, time);
        do
        {
            for (int retry = 0; await PassAsync(stoppingToken) > 0 && retry < ConflictRetries; retry++)
            {
                await Task.Delay(ConflictRetryDelay, time, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many expired machines it could not fail because they were being written.</summary>
    private async Task<int> PassAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using IAsyncDisposable? held = await locks.TryTakeAsync(RegionJob.StatusMonitor, stoppingToken);
            if (held is null)
            {
                return 0;
            }

            StatusMonitor monitor = await IngotState.StatusMonitorAsync(services, stoppingToken);
            IReadOnlyList<string> failed = await monitor.RunOnceAsync(stoppingToken);
            if (failed.Count > 0)
            {
                TimedOut(logger, failed.Count, string.Join(", ", failed));
            }

            return monitor.Conflicts;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PassFailed(logger, e);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status monitor failed {Count} timed-out machine(s): {SystemIds}")]
    private static partial void TimedOut(ILogger logger, int count, string systemIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status monitor pass failed")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
