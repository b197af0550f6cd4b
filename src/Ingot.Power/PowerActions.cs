using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Power;

/// <summary>
/// MAAS's <c>PowerDriver.perform_power</c>, <c>query</c> and <c>cycle</c> over any driver: each attempt
/// is followed by a pause from the wait policy and, for queryable drivers, a query that must show the
/// desired state; fatal errors (auth, settings, missing tool) stop at once; the last error, or
/// "BMC never transitioned", is thrown when the policy runs out. The policy is bounded, so no call hangs.
/// </summary>
public sealed class PowerActions(TimeProvider time, IReadOnlyList<TimeSpan> waitPolicy)
{
    /// <summary>MAAS's <c>DEFAULT_WAITING_POLICY</c>: 1, 2, 2, 4, 6, 8, 12 seconds.</summary>
    public static IReadOnlyList<TimeSpan> MaasWaitPolicy { get; } = [.. new[] { 1, 2, 2, 4, 6, 8, 12 }.Select(s => TimeSpan.FromSeconds(s))];

    public PowerActions(TimeProvider time)
        : this(time, MaasWaitPolicy)
    {
    }

    public Task OnAsync(IPowerDriver driver, PowerContext context, CancellationToken ct) =>
        PerformAsync(driver, context, PowerState.On, c => driver.PowerOnAsync(context, c), ct);

    public Task OffAsync(IPowerDriver driver, PowerContext context, StopMode mode, CancellationToken ct) =>
        PerformAsync(driver, context, PowerState.Off, c => driver.PowerOffAsync(context, mode, c), ct);

    /// <summary>Query, then off when on, then on (<c>PowerDriver.cycle</c>).</summary>
    public async Task CycleAsync(IPowerDriver driver, PowerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(driver);
        if (driver.Schema.Queryable && await QueryAsync(driver, context, ct) == PowerState.On)
        {
            await OffAsync(driver, context, StopMode.Hard, ct);
        }

        await OnAsync(driver, context, ct);
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
                return await driver.QueryAsync(context, ct);
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
        IPowerDriver driver, PowerContext context, PowerState desired, Func<CancellationToken, Task> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(context);
        PowerState state = PowerState.Unknown;
        PowerException? last = null;
        foreach (TimeSpan wait in waitPolicy)
        {
            try
            {
                await action(ct);
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
                state = await driver.QueryAsync(context, ct);
                if (state == desired)
                {
                    return;
                }
            }
            catch (PowerException e) when (!e.IsFatal)
            {
                last = e;
            }
        }

        throw last ?? new PowerException(
            PowerErrorKind.General,
            $"Failed to power {context.SystemId}. BMC never transitioned from {Name(state)} to {Name(desired)}.");
    }

    private static string Name(PowerState state) => state.ToString().ToLowerInvariant();
}
