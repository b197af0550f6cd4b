using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Power;

/// <summary>
/// A power driver: MAAS's power type name and parameter schema, and the single attempts at each power
/// action (<see cref="PowerActions"/> adds MAAS's retries and the state confirmation). Failures are
/// <see cref="PowerException"/>s.
/// </summary>
public interface IPowerDriver
{
    PowerTypeSchema Schema { get; }

    /// <summary>Powers the machine on; drivers that can (ipmi, redfish) set a one-time PXE boot first, as MAAS does.</summary>
    Task PowerOnAsync(PowerContext context, CancellationToken ct);

    Task PowerOffAsync(PowerContext context, StopMode mode, CancellationToken ct);

    /// <summary>The state the BMC reports: on, off, or unknown when the driver cannot tell.</summary>
    Task<PowerState> QueryAsync(PowerContext context, CancellationToken ct);

    /// <summary>Sets the next boot (once) to PXE without changing power. Drivers that cannot do nothing.</summary>
    Task SetBootDevicePxeAsync(PowerContext context, CancellationToken ct) => Task.CompletedTask;

    /// <summary>MAAS's <c>cycle</c>: off when on, then on (which sets PXE again).</summary>
    async Task PowerCycleAsync(PowerContext context, CancellationToken ct)
    {
        if (await QueryAsync(context, ct) == PowerState.On)
        {
            await PowerOffAsync(context, StopMode.Hard, ct);
        }

        await PowerOnAsync(context, ct);
    }
}
