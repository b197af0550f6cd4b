using Ingot.Core.Machines.Queries;
using Ingot.Wire.Machines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingot.Api.Machines;

/// <summary>
/// Fills <see cref="MachineListCache"/> once after the host has started (readiness is not delayed):
/// reads every machine and renders its list JSON as an admin's <c>GET machines/</c> would, so that
/// the first list after a start costs what later ones do. Off with <see cref="ApiOptions.WarmMachineList"/>;
/// a failure is logged and leaves the cache to fill on the first list.
/// </summary>
internal sealed partial class MachineListWarmup(
    IServiceProvider services, IHostApplicationLifetime lifetime, IOptions<ApiOptions> options, ILogger<MachineListWarmup> logger) : BackgroundService
{
    /// <summary>Done when the warm-up has finished (or failed, or was off).</summary>
    public Task Warmed => _warmed.Task;

    private readonly TaskCompletionSource _warmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (options.Value.WarmMachineList
                && services.GetService<MachineListCache>() is { } cache
                && services.GetService<IMachineVersionReads>() is { } reads
                && await StartedAsync(stoppingToken))
            {
                IReadOnlyList<MachineListCache.Entry> all = await cache.CurrentAsync(reads, stoppingToken);
                MachineJsonContext context = await MachineResponses.ContextAsync(services, [.. all.Select(e => e.Machine)], stoppingToken);
                await MachineListResponse.WriteAsync(all, context, Stream.Null, stoppingToken);
                LogWarmed(logger, all.Count, cache.Budget.Used);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
        finally
        {
            _warmed.TrySetResult();
        }
    }

    /// <summary>Waits for the host to be started (listening); false when it stops first.</summary>
    private async Task<bool> StartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using CancellationTokenRegistration onStopping = ct.Register(() => started.TrySetCanceled(ct));
        await started.Task;
        return !ct.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Machine list warmed: {Machines} machines, {Bytes} bytes of JSON kept")]
    private static partial void LogWarmed(ILogger logger, int machines, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the machine list failed; the first list will fill it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
