using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Regions;

namespace Ingot.Hosting;

/// <summary>
/// Carries out the power requests the API submits (<see cref="MachinePower.CarryOutAsync"/>), up to
/// <see cref="Parallelism"/> machines at once; each call is bounded by the drivers' timeouts and retries.
/// The BMC calls themselves are bounded by the power client (<c>PowerActions.DriverCalls</c> at once, shared
/// with the poller and the requery): most of a power action is MAAS's pause before the query that confirms
/// it, which holds no driver slot, so many more actions than driver calls are under way at once (at 10,000
/// machines a cap of 32 actions, each mostly waiting, carried out 2 or 3 a second).
/// At start, and then every <see cref="RecoveryInterval"/> in one region at a time
/// (<see cref="RegionJob.PowerRecovery"/>), the stored requests no region is carrying out are submitted:
/// those accepted before a restart, by another region, or claimed by a region that died before it
/// recorded the result (a region that is not running any more, <see cref="IRegionLiveness"/>, or a
/// claim that ran out, <see cref="Machine.PowerClaimExpires"/>). Taking a request is a compare-and-set
/// on the machine, so a request submitted in two regions is carried out once.
/// One machine's requests are carried out one after the other, and a different request made while one is under way
/// supersedes it: the action under way is cancelled (no result is recorded for it) and the new one follows. Carried
/// out beside it, a power-off taken while the machine's power-on was still retrying (MAAS's wait policy re-sends an
/// action whose query does not show it done yet) made the power-on see "off" and send "on" again (a machine released
/// from FAILED_DEPLOYMENT booted again); waiting behind it, a release's power-off waited minutes for a power-on
/// retrying against a dead BMC. MAAS 2.x refused the second request instead (<c>PowerActionAlreadyInProgress</c>),
/// noting that the one in progress could be cancelled; a request the same as the one under way waits for it.
/// </summary>
public sealed partial class PowerExecutorService(
    PendingPowerRequests queue,
    IMachineStore store,
    IPowerClient client,
    IRegionJobLocks locks,
    IRegionLiveness regions,
    TimeProvider time,
    ILogger<PowerExecutorService> logger)
    : BackgroundService
{
    /// <summary>The default for <see cref="Slots"/>: power requests carried out at once.</summary>
    public const int Parallelism = 256;

    /// <summary>How many power requests are carried out at once (<see cref="Parallelism"/> unless set).</summary>
    public int Slots { get; init; } = Parallelism;

    public static TimeSpan RecoveryInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Each machine's turn: one of its requests at a time (<see cref="PowerTurn"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PowerTurn> _machines = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var power = new MachinePower(store, client, time, regions) { Log = line => PowerDecision(logger, line) };
        await RecoverAsync(power, stoppingToken);
        Task recovery = RecoverEveryIntervalAsync(power, stoppingToken);
        await ExecuteQueueAsync(power, stoppingToken);
        await recovery.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RecoverEveryIntervalAsync(MachinePower power, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RecoveryInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RecoverAsync(power, stoppingToken);
        }
    }

    private async Task RecoverAsync(MachinePower power, CancellationToken stoppingToken)
    {
        try
        {
            await using IAsyncDisposable? held = await locks.TryTakeAsync(RegionJob.PowerRecovery, stoppingToken);
            if (held is null)
            {
                return;
            }

            IReadOnlyList<string> pending = await power.PendingAsync(stoppingToken);
            foreach (string systemId in pending)
            {
                queue.Submit(systemId);
            }

            if (pending.Count > 0)
            {
                Recovered(logger, pending.Count);
                RecoveredMachines(logger, regions.RegionId, pending);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RecoveryFailed(logger, e);
        }
    }

    private async Task ExecuteQueueAsync(MachinePower power, CancellationToken stoppingToken)
    {
        await Parallel.ForEachAsync(
            queue.TakeAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Slots, CancellationToken = stoppingToken },
            async (systemId, ct) =>
            {
                PowerTurn turn = _machines.GetOrAdd(systemId, _ => new PowerTurn());
                await TakeTurnAsync(power, turn, systemId, ct);
                using var underWay = CancellationTokenSource.CreateLinkedTokenSource(ct);
                try
                {
                    if (await power.CarryOutAsync(systemId, underWay.Token, request => turn.Claimed(underWay, request)) is { Succeeded: false } outcome)
                    {
                        PowerFailed(logger, systemId, outcome.Error ?? "");
                    }
                }
                catch (OperationCanceledException) when (underWay.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    Superseded(logger, systemId);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    ExecutionFailed(logger, systemId, e);
                }
                finally
                {
                    turn.Done();
                }
            });
    }

    /// <summary>
    /// Waits for the machine's turn. While another of its actions is under way, the stored machine is read: a request
    /// that supersedes it (<see cref="MachinePower.SupersedesAsync"/>; made after that action's claim was saved, since
    /// the claim is known only then) cancels that action. A read that fails leaves the action alone (this one then waits).
    /// </summary>
    private async Task TakeTurnAsync(MachinePower power, PowerTurn turn, string systemId, CancellationToken ct)
    {
        if (turn.TryEnter())
        {
            return;
        }

        try
        {
            if (turn.UnderWay is { } underWay && await power.SupersedesAsync(systemId, underWay.Request, ct))
            {
                underWay.Cancel();
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            SupersedeCheckFailed(logger, systemId, e);
        }

        await turn.EnterAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The power request for {SystemId} could not be read; it waits for the action under way")]
    private static partial void SupersedeCheckFailed(ILogger logger, string systemId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Power action for {SystemId} superseded by a different request: cancelled")]
    private static partial void Superseded(ILogger logger, string systemId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} power request(s) no region was carrying out submitted")]
    private static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Region {Region} submitted the power work of {SystemIds} (requests made elsewhere, or claims taken over)")]
    private static partial void RecoveredMachines(ILogger logger, string region, IReadOnlyList<string> systemIds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Line}")]
    private static partial void PowerDecision(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pending power requests could not be read")]
    private static partial void RecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Power action for {SystemId} failed: {Error}")]
    private static partial void PowerFailed(ILogger logger, string systemId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Power action for {SystemId} could not be carried out")]
    private static partial void ExecutionFailed(ILogger logger, string systemId, Exception exception);
}
