using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power;

namespace Ingot.Hosting;

/// <summary>
/// A driver whose every call to the BMC is logged at debug level (driver, action, machine) before it is
/// made, and its failure after: with <see cref="LoggedPowerClient"/>'s lines (region and claim) they show
/// which region sent which action, including the retries of MAAS's wait policy.
/// </summary>
public sealed partial class LoggedPowerDriver(IPowerDriver inner, ILogger<LoggedPowerDriver> logger) : IPowerDriver
{
    public PowerTypeSchema Schema => inner.Schema;

    public Task PowerOnAsync(PowerContext context, CancellationToken ct) =>
        LoggedAsync(context, "power on", c => inner.PowerOnAsync(context, c), ct);

    public Task PowerOffAsync(PowerContext context, StopMode mode, CancellationToken ct) =>
        LoggedAsync(context, mode == StopMode.Soft ? "soft power off" : "power off", c => inner.PowerOffAsync(context, mode, c), ct);

    public async Task<PowerState> QueryAsync(PowerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        PowerState state = await inner.QueryAsync(context, ct);
        Queried(logger, Schema.Name, context.SystemId, state);
        return state;
    }

    public Task SetBootDevicePxeAsync(PowerContext context, CancellationToken ct) =>
        LoggedAsync(context, "PXE boot once", c => inner.SetBootDevicePxeAsync(context, c), ct);

    public Task PowerCycleAsync(PowerContext context, CancellationToken ct) =>
        LoggedAsync(context, "power cycle", c => inner.PowerCycleAsync(context, c), ct);

    private async Task LoggedAsync(PowerContext context, string action, Func<CancellationToken, Task> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        Sending(logger, Schema.Name, action, context.SystemId);
        try
        {
            await call(ct);
        }
        catch (PowerException e)
        {
            Failed(logger, Schema.Name, action, context.SystemId, e.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "BMC {Driver}: {Action} for {SystemId}")]
    private static partial void Sending(ILogger logger, string driver, string action, string systemId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "BMC {Driver}: {Action} for {SystemId} failed: {Error}")]
    private static partial void Failed(ILogger logger, string driver, string action, string systemId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "BMC {Driver}: {SystemId} is {State}")]
    private static partial void Queried(ILogger logger, string driver, string systemId, PowerState state);
}
