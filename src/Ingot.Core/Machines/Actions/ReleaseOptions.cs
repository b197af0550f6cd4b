namespace Ingot.Core.Machines.Actions;

/// <summary>
/// MAAS's <c>ReleaseForm</c> options. <see cref="Erase"/> adds the <c>wipe-disks</c> script and so
/// releases through DISK_ERASING; <see cref="SecureErase"/> and <see cref="QuickErase"/> are that
/// script's inputs and matter only with <see cref="Erase"/>.
/// </summary>
public sealed record ReleaseOptions(bool Erase = false, bool SecureErase = false, bool QuickErase = false, string? Comment = null)
{
    public static ReleaseOptions Default { get; } = new();
}
