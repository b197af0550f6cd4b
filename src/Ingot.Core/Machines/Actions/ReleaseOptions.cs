namespace Ingot.Core.Machines.Actions;

/// <summary>
/// MAAS's <c>ReleaseForm</c> options. <see cref="Erase"/> adds the <c>wipe-disks</c> script and so
/// releases through DISK_ERASING; <see cref="SecureErase"/> and <see cref="QuickErase"/> are that
/// script's inputs and matter only with <see cref="Erase"/>; null when the request did not give them, so the
/// settings <c>disk_erase_with_secure_erase</c>/<c>disk_erase_with_quick_erase</c> decide, while an explicit value
/// (false too) wins over the setting, as MAAS's <c>start_disk_erasing</c> uses the passed values before the global ones.
/// </summary>
public sealed record ReleaseOptions(bool Erase = false, bool? SecureErase = null, bool? QuickErase = null, string? Comment = null)
{
    public static ReleaseOptions Default { get; } = new();
}
