using System.Globalization;
using Ingot.Core.Machines;

namespace Ingot.Core.Config;

/// <summary>Reads <see cref="LifecycleSettings"/> from the stored settings.</summary>
public static class LifecycleSettingsLoader
{
    /// <summary>The settings in <paramref name="config"/>; defaults for what was never set.</summary>
    public static async Task<LifecycleSettings> LoadAsync(IConfigStore config, CancellationToken ct)
    {
        string? timeout = await config.GetAsync(ConfigNames.NodeTimeout, ct);
        LifecycleSettings settings = timeout is null
            ? LifecycleSettings.Default
            : new LifecycleSettings(int.Parse(timeout, NumberStyles.Integer, CultureInfo.InvariantCulture));
        return settings with
        {
            EraseOnRelease = await FlagAsync(config, ConfigSettings.EnableDiskErasingOnRelease, ct),
            EraseWithSecureErase = await FlagAsync(config, ConfigSettings.DiskEraseWithSecureErase, ct),
            EraseWithQuickErase = await FlagAsync(config, ConfigSettings.DiskEraseWithQuickErase, ct),
            HardwareSyncInterval = HardwareSync.SyncInterval.Seconds(await config.GetAsync(ConfigSettings.HardwareSyncIntervalName, ct))
                ?? HardwareSync.SyncInterval.DefaultSeconds,
        };
    }

    private static async Task<bool> FlagAsync(IConfigStore config, string name, CancellationToken ct) =>
        await config.GetAsync(name, ct) == "true";
}
