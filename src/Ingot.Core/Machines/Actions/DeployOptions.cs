namespace Ingot.Core.Machines.Actions;

/// <summary>
/// What a deployment installs. Empty values fall back to MAAS's defaults
/// (<c>default_osystem</c> "ubuntu", <c>default_distro_series</c>). <see cref="UserData"/> is the
/// <c>user_data</c> parameter as sent (base64 by MAAS's contract). <see cref="EnableHwSync"/> is MAAS's
/// <c>enable_hw_sync</c> (<see cref="HardwareSync.HardwareSyncRules"/>).
/// </summary>
public sealed record DeployOptions(
    string Osystem = "",
    string DistroSeries = "",
    string HweKernel = "",
    string AgentName = "",
    bool EphemeralDeploy = false,
    string? Comment = null,
    string UserData = "",
    bool EnableHwSync = false)
{
    public const string DefaultOsystem = "ubuntu";

    public const string DefaultDistroSeries = "noble";

    public static DeployOptions Default { get; } = new();
}
