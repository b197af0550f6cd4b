namespace Ingot.Core.Machines.Actions;

/// <summary>
/// The options of <c>start_commissioning</c>. Only <see cref="EnableSsh"/> has a place on the
/// machine today; the skip flags are accepted and passed on, but Core has no script sets or
/// stored network/storage configuration for them to act on yet.
/// </summary>
public sealed record CommissioningOptions(
    bool EnableSsh = false,
    bool SkipBmcConfig = false,
    bool SkipNetworking = false,
    bool SkipStorage = false)
{
    public static CommissioningOptions Default { get; } = new();
}
