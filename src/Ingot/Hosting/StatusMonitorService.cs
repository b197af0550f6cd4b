using Ingot.Core.Machines;
using Ingot.Core.Regions;

namespace Ingot.Hosting;

/// <summary>
/// Runs <see cref="StatusMonitor"/> at start (so machines that expired while Ingot was stopped
/// are failed at once) and then every <see cref="StatusMonitor.Interval"/>, on the injected
/// <see cref="TimeProvider"/>. A pass that met machines being written by someone else (at start,
/// the power requests resubmitted from before the restart) is run again every
/// <see cref="ConflictRetryDelay"/> until none is left or the next interval is due, rather than a
/// whole interval later: a cold process on a starved host was seen holding its first save of a machine
/// (the power executor's claim) for more than five seconds, and five retries let the expired machine
/// wait a minute more. A failing pass
/// is logged and the loop goes on. Each pass holds <see cref="RegionJob.StatusMonitor"/>'s lock: with
/// several regions on one database, a pass runs in one of them at a time (the others skip theirs).
/// </summary>
public sealed partial class StatusMonitorService(IServiceProvider services, IRegionJobLocks locks, TimeProvider time, ILogger<StatusMonitorService> logger)
    : BackgroundService
{
    public static TimeSpan ConflictRetryDelay { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Passes run again after one that met conflicts, at most: up to the next interval.</summary>
    private static int ConflictRetries => (int)(StatusMonitor.Interval / ConflictRetryDelay) - 1;

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
                PassSkipped(logger);
                return 0;
            }

            StatusMonitor monitor = await IngotState.StatusMonitorAsync(services, stoppingToken);
            IReadOnlyList<string> failed = await monitor.RunOnceAsync(stoppingToken);
            Passed(logger, monitor.Expired, failed.Count, monitor.Conflicts);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status monitor pass: {Expired} expired, {Failed} failed, {Conflicts} being written")]
    private static partial void Passed(ILogger logger, int expired, int failed, int conflicts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status monitor pass skipped: another region is running it")]
    private static partial void PassSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status monitor failed {Count} timed-out machine(s): {SystemIds}")]
    private static partial void TimedOut(ILogger logger, int count, string systemIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status monitor pass failed")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
