using Ingot.Core.Boot;

namespace Ingot.Core.Config;

/// <summary>
/// <see cref="BootDefaults"/> from MAAS's settings (<c>commissioning_osystem</c>,
/// <c>commissioning_distro_series</c>, <c>default_osystem</c>, <c>default_distro_series</c>, <c>kernel_opts</c>), read at
/// each boot; a setting never set keeps MAAS's default.
/// </summary>
public sealed class ConfigBootDefaults(IConfigStore config) : IBootDefaultsSource
{
    public async Task<BootDefaults> GetAsync(CancellationToken ct) => From(await config.AllAsync(ct));

    /// <summary>The defaults that the stored settings <paramref name="stored"/> give. Pure.</summary>
    public static BootDefaults From(IReadOnlyDictionary<string, string> stored)
    {
        BootDefaults maas = BootDefaults.Maas;
        return maas with
        {
            CommissioningOsystem = Value(stored, ConfigSettings.CommissioningOsystemName, maas.CommissioningOsystem),
            CommissioningSeries = Value(stored, ConfigSettings.CommissioningDistroSeriesName, maas.CommissioningSeries),
            DefaultOsystem = Value(stored, ConfigSettings.DefaultOsystemName, maas.DefaultOsystem),
            DefaultSeries = Value(stored, ConfigSettings.DefaultDistroSeriesName, maas.DefaultSeries),
            KernelOpts = Value(stored, ConfigSettings.KernelOptsName, maas.KernelOpts),
        };
    }

    private static string Value(IReadOnlyDictionary<string, string> stored, string name, string fallback) =>
        stored.TryGetValue(name, out string? value) && value.Length > 0 ? value : fallback;
}
