using Ingot.Core.Machines;

namespace Ingot.Hosting;

/// <summary>
/// Runs <see cref="StatusMonitor"/> at start (so machines that expired while Ingot was stopped
/// are failed at once) and then every <see cref="StatusMonitor.Interval"/>, on the injected
/// <see cref="TimeProvider"/>. A failing pass is logged and the loop goes on.
/// </summary>
public sealed partial class StatusMonitorService(IServiceProvider services, TimeProvider time, ILogger<StatusMonitorService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(StatusMonitor.Interval, time);
        do
        {
            try
            {
                StatusMonitor monitor = await IngotState.StatusMonitorAsync(services, stoppingToken);
                IReadOnlyList<string> failed = await monitor.RunOnceAsync(stoppingToken);
                if (failed.Count > 0)
                {
                    TimedOut(logger, failed.Count, string.Join(", ", failed));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PassFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status monitor failed {Count} timed-out machine(s): {SystemIds}")]
    private static partial void TimedOut(ILogger logger, int count, string systemIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status monitor pass failed")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
