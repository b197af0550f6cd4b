namespace Ingot.Core.Machines;

/// <summary>
/// The settings the life-cycle reads. <see cref="NodeTimeout"/> is MAAS's <c>node_timeout</c>:
/// "Time, in minutes, until the node times out during commissioning, testing, deploying, or
/// entering rescue mode." Default 30, at least 1.
/// </summary>
public sealed record LifecycleSettings
{
    public const int DefaultNodeTimeout = 30;

    public LifecycleSettings(int nodeTimeout = DefaultNodeTimeout)
    {
        if (nodeTimeout < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeTimeout), nodeTimeout, "node_timeout must be at least 1 minute.");
        }

        NodeTimeout = nodeTimeout;
    }

    public int NodeTimeout { get; }

    /// <summary>MAAS's <c>enable_disk_erasing_on_release</c>: every release erases the disks.</summary>
    public bool EraseOnRelease { get; init; }

    /// <summary>MAAS's <c>disk_erase_with_secure_erase</c>: erasing uses secure erase by default.</summary>
    public bool EraseWithSecureErase { get; init; }

    /// <summary>MAAS's <c>disk_erase_with_quick_erase</c>: erasing uses quick erase by default.</summary>
    public bool EraseWithQuickErase { get; init; }

    /// <summary>
    /// MAAS's <c>hardware_sync_interval</c> in seconds (<see cref="HardwareSync.SyncInterval"/>; default "15m"): the
    /// <c>sync_interval</c> a deployment with hardware sync takes.
    /// </summary>
    public int HardwareSyncInterval { get; init; } = HardwareSync.SyncInterval.DefaultSeconds;

    /// <summary>
    /// MAAS's <c>ReleaseForm</c> defaults: erase when asked or when the setting says so; the secure
    /// and quick flags are the request's or, when it does not set them, the settings'.
    /// </summary>
    public Actions.ReleaseOptions WithEraseDefaults(Actions.ReleaseOptions options) => options with
    {
        Erase = options.Erase || EraseOnRelease,
        SecureErase = options.SecureErase ?? EraseWithSecureErase,
        QuickErase = options.QuickErase ?? EraseWithQuickErase,
    };

    public static LifecycleSettings Default { get; } = new();

    /// <summary>
    /// <c>get_node_timeout</c>: RELEASING and EXITING_RESCUE_MODE 5 minutes, other monitored
    /// statuses <see cref="NodeTimeout"/>, anything else null.
    /// </summary>
    public int? TimeoutMinutes(MachineStatus status) => status switch
    {
        MachineStatus.Releasing or MachineStatus.ExitingRescueMode => 5,
        _ when status.IsMonitored() => NodeTimeout,
        _ => null,
    };

    /// <summary>
    /// How long Ingot lets a machine stay in <paramref name="status"/> before the status monitor
    /// fails it: <see cref="TimeoutMinutes"/>, except DEPLOYING, which MAAS bounds by its deploy
    /// workflow's timeout of 2 x node_timeout rather than by status_expires, and EXITING_RESCUE_MODE,
    /// which the monitor never fails: MAAS's <c>stop_rescue_mode</c> sets no status_expires, and its 5 minutes
    /// (<c>EXIT_RESCUE_MODE_TIMEOUT</c>) only let a power report that is not the expected state fail the exit
    /// (<see cref="Machine.UpdatePowerState"/>, which reads them from the expiry <c>stop_rescue_mode</c> arms).
    /// </summary>
    public int? ExpiryMinutes(MachineStatus status) => status switch
    {
        MachineStatus.Deploying => 2 * NodeTimeout,
        MachineStatus.ExitingRescueMode => null,
        _ => TimeoutMinutes(status),
    };
}
