namespace Ingot.Core.Power;

/// <summary>How a power action or query ended: the state the BMC reports, or MAAS's error text (then <see cref="State"/> is Error).</summary>
public sealed record PowerOutcome(PowerState State, string? Error = null)
{
    public bool Succeeded => Error is null;

    public static PowerOutcome Failed(string error) => new(PowerState.Error, error);
}
