using System.Globalization;
using Ingot.Core.Forms;

namespace Ingot.Core.Config;

/// <summary>
/// The settings <c>maas/?op=get_config</c> and <c>op=set_config</c> expose for what Ingot has,
/// with MAAS's names, types, defaults and checks (<c>src/maasservicelayer/models/configurations.py</c>).
/// Values are kept as strings in <see cref="IConfigStore"/>; <see cref="GetAsync"/> returns them
/// typed (int, bool or string), or the default when never set.
/// </summary>
public sealed class ConfigSettings(IConfigStore store)
{
    /// <summary>MAAS's default release of the default OS in 3.7.</summary>
    public const string DefaultDistroSeries = "noble";

    public const string DefaultOsystem = "ubuntu";

    public const string MaasName = "maas_name";
    public const string CommissioningOsystemName = "commissioning_osystem";
    public const string CommissioningDistroSeriesName = "commissioning_distro_series";
    public const string DefaultOsystemName = "default_osystem";
    public const string DefaultDistroSeriesName = "default_distro_series";
    public const string EnableDiskErasingOnRelease = "enable_disk_erasing_on_release";
    public const string DiskEraseWithSecureErase = "disk_erase_with_secure_erase";
    public const string DiskEraseWithQuickErase = "disk_erase_with_quick_erase";
    public const string DefaultMinHweKernel = "default_min_hwe_kernel";
    public const string KernelOptsName = "kernel_opts";
    public const string DefaultStorageLayoutName = "default_storage_layout";
    public const string HardwareSyncIntervalName = "hardware_sync_interval";

    /// <summary>Every setting, by name.</summary>
    public static IReadOnlyList<ConfigSetting> All { get; } =
    [
        new(CommissioningDistroSeriesName, ConfigSettingKind.Text, DefaultDistroSeries, "Default Ubuntu release used for commissioning", SeriesName),
        new(CommissioningOsystemName, ConfigSettingKind.Text, DefaultOsystem, "Default operating system used for commissioning", SeriesName),
        new(DefaultDistroSeriesName, ConfigSettingKind.Text, DefaultDistroSeries, "Default OS release used for deployment", SeriesName),
        new(DefaultMinHweKernel, ConfigSettingKind.Text, "", "Default Minimum Kernel Version", MinHweKernel),
        new(DefaultStorageLayoutName, ConfigSettingKind.Text, "flat", "Default storage layout", Storage.DefaultStorage.Validate),
        new(DefaultOsystemName, ConfigSettingKind.Text, DefaultOsystem, "Default operating system used for deployment", Osystem),
        new(DiskEraseWithQuickErase, ConfigSettingKind.Flag, false, "Use quick erase by default when erasing disks.", Boolean),
        new(DiskEraseWithSecureErase, ConfigSettingKind.Flag, false, "Use secure erase by default when erasing disks.", Boolean),
        new(EnableDiskErasingOnRelease, ConfigSettingKind.Flag, false, "Erase nodes' disks prior to releasing", Boolean),
        new(HardwareSyncIntervalName, ConfigSettingKind.Text, HardwareSync.SyncInterval.Default,
            "Hardware Sync Interval",
            HardwareSyncInterval),
        new(KernelOptsName, ConfigSettingKind.Text, "", "Boot parameters to pass to the kernel by default", Text),
        new(MaasName, ConfigSettingKind.Text, Environment.MachineName, "MAAS name", Text),
        new(ConfigNames.NodeTimeout, ConfigSettingKind.WholeNumber, Machines.LifecycleSettings.DefaultNodeTimeout,
            "Time, in minutes, until the node times out during commissioning, testing, deploying, or entering rescue mode.", AtLeastOne),
    ];

    /// <summary>The setting called <paramref name="name"/>, or null.</summary>
    public static ConfigSetting? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>The value, typed, or the default when never set; 400 on <c>name</c> for an unknown setting.</summary>
    public async Task<object?> GetAsync(string? name, CancellationToken ct)
    {
        ConfigSetting setting = Require(name);
        string? stored = await store.GetAsync(setting.Name, ct);
        return stored is null ? setting.Default : Parse(setting, stored);
    }

    /// <summary>Checks and stores a value; 400 with the error on the setting's name when it is refused.</summary>
    public async Task SetAsync(string? name, string? value, CancellationToken ct)
    {
        ConfigSetting setting = Require(name);
        if (value is null)
        {
            throw FormErrors.OnField("value", FormErrors.Required);
        }

        (string? stored, string? error) = setting.Check(value);
        if (error is not null || stored is null)
        {
            throw FormErrors.OnField(setting.Name, error ?? FormErrors.InvalidValue);
        }

        await store.SetAsync(setting.Name, stored, ct);
    }

    /// <summary>MAAS's <c>validate_config_name</c>: an unknown name is a field error on <c>name</c>.</summary>
    public static ConfigSetting Require(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw FormErrors.OnField("name", FormErrors.Required);
        }

        return Find(name) ?? throw FormErrors.OnField(
            "name",
            $"{name} is not a valid config setting (valid settings are: {string.Join(", ", All.Select(s => s.Name))}).");
    }

    private static object? Parse(ConfigSetting setting, string stored) => setting.Kind switch
    {
        ConfigSettingKind.WholeNumber => int.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : setting.Default,
        ConfigSettingKind.Flag => stored == "true",
        _ => stored,
    };

    private static (string?, string?) AtLeastOne(string value)
    {
        if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
        {
            return (null, FormErrors.NotWholeNumber);
        }

        return n < 1 ? (null, FormErrors.TooSmall(1)) : (n.ToString(CultureInfo.InvariantCulture), null);
    }

    /// <summary>Django's <c>BooleanField</c>: "false", "0" (any case) and "" are false; anything else is true.</summary>
    private static (string?, string?) Boolean(string value) =>
        (value.Length == 0 || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0" ? "false" : "true", null);

    private static (string?, string?) Text(string value) => (value.Trim(), null);

    /// <summary>MAAS's <c>SystemdIntervalField</c>: the value is kept as sent when MAAS's interval syntax accepts it.</summary>
    private static (string?, string?) HardwareSyncInterval(string value) =>
        HardwareSync.SyncInterval.Seconds(value) is null ? (null, HardwareSync.SyncInterval.Refusal(value)) : (value, null);

    /// <summary>Ingot deploys only Ubuntu, so it is the one choice (Django's choice message otherwise).</summary>
    private static (string?, string?) Osystem(string value) => value == DefaultOsystem
        ? (value, null)
        : (null, $"Select a valid choice. {value} is not one of the available choices.");

    private static (string?, string?) SeriesName(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '/')
            ? (value, null)
            : (null, $"Select a valid choice. {value} is not one of the available choices.");

    /// <summary>Empty, or a kernel name as <c>min_hwe_kernel</c> takes it.</summary>
    private static (string?, string?) MinHweKernel(string value) =>
        value.Length == 0 || value.StartsWith("hwe-", StringComparison.Ordinal) || value.StartsWith("ga-", StringComparison.Ordinal)
            ? (value, null)
            : (null, "min_hwe_kernel must start with \"hwe-\" or \"ga-\"");
}
