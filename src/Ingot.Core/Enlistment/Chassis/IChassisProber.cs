namespace Ingot.Core.Enlistment.Chassis;

/// <summary>
/// Asks a chassis of one type which machines it has (what MAAS's rack does for <c>add_chassis</c>).
/// A chassis that cannot be reached or refuses the login throws <see cref="ChassisProbeException"/>.
/// </summary>
public interface IChassisProber
{
    /// <summary>The <c>chassis_type</c> this prober answers, which is also the machines' power type.</summary>
    string ChassisType { get; }

    Task<IReadOnlyList<ChassisSystem>> ProbeAsync(ChassisAddress address, CancellationToken ct);
}
