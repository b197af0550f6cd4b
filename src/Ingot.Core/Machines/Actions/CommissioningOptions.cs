namespace Ingot.Core.Machines.Actions;

/// <summary>
/// The options of <c>start_commissioning</c>: <see cref="EnableSsh"/>, <see cref="SkipNetworking"/> and
/// <see cref="SkipStorage"/> are kept on the machine; <see cref="SkipBmcConfig"/> marks the bmc-config
/// results skipped when the set is made.
/// </summary>
public sealed record CommissioningOptions(
    bool EnableSsh = false,
    bool SkipBmcConfig = false,
    bool SkipNetworking = false,
    bool SkipStorage = false)
{
    public static CommissioningOptions Default { get; } = new();
}
