using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Power.Manual;

/// <summary>MAAS's <c>manual</c> driver: no parameters, nothing is done (a person powers the machine), not queryable.</summary>
public sealed class ManualPowerDriver : IPowerDriver
{
    public const string Name = "manual";

    public PowerTypeSchema Schema { get; } = new(Name, "Manual", []) { Queryable = false };

    public Task PowerOnAsync(PowerContext context, CancellationToken ct) => Task.CompletedTask;

    public Task PowerOffAsync(PowerContext context, StopMode mode, CancellationToken ct) => Task.CompletedTask;

    public Task<PowerState> QueryAsync(PowerContext context, CancellationToken ct) => Task.FromResult(PowerState.Unknown);
}
