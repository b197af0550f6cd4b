using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Power;

/// <summary>
/// MAAS's <c>PowerDriver.perform_power</c>, <c>query</c> and <c>cycle</c> over any driver: each attempt
/// is followed by a pause from the wait policy and, for queryable drivers, a query that must show the
/// desired state; fatal errors (auth, settings, missing tool) stop at once; the last error, or
/// "BMC never transitioned", is thrown when the policy runs out. The policy is bounded, so no call hangs.
/// A power-on given the machine's own evidence (it network-booted since the power-on was sent) is done when a
/// query shows the machine off after that boot: it booted, finished and turned itself off, and is not powered on again.
/// At most <paramref name="driverCalls"/> calls to drivers run at once, over every action and query this
/// instance carries out (MAAS runs driver calls in its rack's thread pool and pauses between them without
/// holding a thread): a pause of the wait policy holds no driver slot, so thousands of actions can be under
/// way while only a bounded number of BMC calls (ipmitool processes, HTTP requests) are.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim's wait handle is never asked for (AvailableWaitHandle), so it holds nothing to dispose; the actions live as long as the host.")]
public sealed class PowerActions(TimeProvider time, IReadOnlyList<TimeSpan> waitPolicy, int driverCalls = PowerActions.DriverCalls)
{
    /// <summary>The default bound on concurrent driver calls (the poller's former parallelism).</summary>
    public const int DriverCalls = 64;

    private readonly SemaphoreSlim _slots = new(
        driverCalls > 0 ? driverCalls : throw new ArgumentOutOfRangeException(nameof(driverCalls), driverCalls, "At least one driver call must be allowed."));

    /// <summary>MAAS's <c>DEFAULT_WAITING_POLICY</c>: 1, 2, 2, 4, 6, 8, 12 seconds.</summary>
    public static IReadOnlyList<TimeSpan> MaasWaitPolicy { get; } = [.. new[] { 1, 2, 2, 4, 6, 8, 12 }.Select(s => TimeSpan.FromSeconds(s))];

    public PowerActions(TimeProvider time)
        : this(time, MaasWaitPolicy)
    {
    }

    /// <summary>How many driver calls are running now (at most the bound given at construction).</summary>
    public int DriverCallsRunning => driverCalls - _slots.CurrentCount;

    public Task OnAsync(IPowerDriver driver, PowerContext context, CancellationToken ct) =>
        OnAsync(driver, context, null, ct);

    /// <summary>
    /// A power-on that also takes the machine's own evidence that it took effect (<paramref name="networkBooted"/>:
    /// whether the machine network-booted since the power-on was sent). A query that shows the machine off after
    /// such a boot is a machine that booted, finished and turned itself off (a simulated one commissions in
    /// seconds), so the power-on is done and not sent again: sending it again powered a READY machine back on.
    /// </summary>
    public Task OnAsync(IPowerDriver driver, PowerContext context, Func<CancellationToken, Task<bool>>? networkBooted, CancellationToken ct) =>
        PerformAsync(driver, context, PowerState.On, c => driver.PowerOnAsync(context, c), networkBooted, ct);

    public Task OffAsync(IPowerDriver driver, PowerContext context, StopMode mode, CancellationToken ct) =>
        PerformAsync(driver, context, PowerState.Off, c => driver.PowerOffAsync(context, mode, c), null, ct);

    /// <summary>Query, then off when on, then on (<c>PowerDriver.cycle</c>).</summary>
    public Task CycleAsync(IPowerDriver driver, PowerContext context, CancellationToken ct) =>
        CycleAsync(driver, context, null, ct);

    /// <summary>A cycle whose power-on takes the machine's evidence that it took effect, as <see cref="OnAsync(IPowerDriver, PowerContext, Func{CancellationToken, Task{bool}}?, CancellationToken)"/>.</summary>
    public async Task CycleAsync(IPowerDriver driver, PowerContext context, Func<CancellationToken, Task<bool>>? networkBooted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(driver);
        if (driver.Schema.Queryable && await QueryAsync(driver, context, ct) == PowerState.On)
        {
            await OffAsync(driver, context, StopMode.Hard, ct);
        }

        await OnAsync(driver, context, networkBooted, ct);
    }

    /// <summary>Queries, retrying non-fatal errors over the wait policy.</summary>
    public async Task<PowerState> QueryAsync(IPowerDriver driver, PowerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(driver);
        PowerException? last = null;
        foreach (TimeSpan wait in waitPolicy)
        {
            try
            {
                return await CallAsync(c => driver.QueryAsync(context, c), ct);
            }
            catch (PowerException e) when (!e.IsFatal)
            {
                last = e;
                await Task.Delay(wait, time, ct);
            }
        }

        throw last ?? new PowerException(PowerErrorKind.General, "The wait policy is empty.");
    }

    private async Task PerformAsync(
        IPowerDriver driver,
        PowerContext context,
        PowerState desired,
        Func<CancellationToken, Task> action,
        Func<CancellationToken, Task<bool>>? tookEffect,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(context);
        PowerState state = PowerState.Unknown;
        PowerException? last = null;
        foreach (TimeSpan wait in waitPolicy)
        {
            try
            {
                await CallAsync(async c =>
                {
                    await action(c);
                    return true;
                }, ct);
            }
            catch (PowerException e) when (!e.IsFatal)
            {
                last = e;
                await Task.Delay(wait, time, ct);
                continue;
            }

            if (!driver.Schema.Queryable)
            {
                return;
            }

            await Task.Delay(wait, time, ct);
            try
            {
                state = await CallAsync(c => driver.QueryAsync(context, c), ct);
                if (state == desired)
                {
                    return;
                }
            }
            catch (PowerException e) when (!e.IsFatal)
            {
                last = e;
            }

            if (tookEffect is not null && await tookEffect(ct))
            {
                return;
            }
        }

        throw last ?? new PowerException(
            PowerErrorKind.General,
            $"Failed to power {context.SystemId}. BMC never transitioned from {Name(state)} to {Name(desired)}.");
    }

    /// <summary>One driver call, in one of the bounded slots; the slot is given back as soon as the call returns.</summary>
    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await call(ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static string Name(PowerState state) => state.ToString().ToLowerInvariant();
}
