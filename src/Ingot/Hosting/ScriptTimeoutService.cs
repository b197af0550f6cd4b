using Ingot.Core.Regions;
using Ingot.Core.Scripts;

namespace Ingot.Hosting;

/// <summary>
/// Runs <see cref="ScriptTimeouts"/> at start and then every <see cref="Core.Machines.StatusMonitor.Interval"/>
/// (MAAS checks script overruns in the same 60-second status monitor pass), on the injected
/// <see cref="TimeProvider"/>. A failing pass is logged and the loop goes on. A pass holds
/// <see cref="RegionJob.ScriptTimeouts"/>'s lock, so several regions on one database do not run it at once.
/// </summary>
public sealed partial class ScriptTimeoutService(IServiceProvider services, IRegionJobLocks locks, TimeProvider time, ILogger<ScriptTimeoutService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ScriptTimeouts timeouts = ActivatorUtilities.CreateInstance<ScriptTimeouts>(services);
        using var timer = new PeriodicTimer(Core.Machines.StatusMonitor.Interval, time);
        do
        {
            try
            {
                await using IAsyncDisposable? held = await locks.TryTakeAsync(RegionJob.ScriptTimeouts, stoppingToken);
                IReadOnlyList<string> failed = held is null ? [] : await timeouts.RunOnceAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed {Count} machine(s) whose script ran past its timeout or that were not heard from: {SystemIds}")]
    private static partial void TimedOut(ILogger logger, int count, string systemIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Script timeout pass failed")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
