namespace Ingot.Core.Boot;

/// <summary>
/// MAAS's settings the boot decision reads: <c>commissioning_osystem</c>/<c>commissioning_distro_series</c>
/// (the ephemeral image), <c>default_osystem</c>/<c>default_distro_series</c>, the architecture an
/// unknown machine is assumed to have, and <c>kernel_opts</c> (the global kernel parameters, appended
/// to every ephemeral kernel command line).
/// </summary>
public sealed record BootDefaults(
    string CommissioningOsystem = "ubuntu",
    string CommissioningSeries = "noble",
    string DefaultOsystem = "ubuntu",
    string DefaultSeries = "noble",
    string DefaultArchitecture = "amd64/generic",
    string KernelOpts = "")
{
    public static BootDefaults Maas { get; } = new();
}
