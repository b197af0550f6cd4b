namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// MAAS's <c>enable_hw_sync</c>: the deployed OS sends its hardware back periodically. Set by a deployment that
    /// asks for it (<see cref="StartDeployment"/>), cleared by release.
    /// </summary>
    public bool EnableHwSync { get; private set; }

    /// <summary>MAAS's <c>last_sync</c> (UTC): when the deployment ended or the machine last reported results, with hardware sync on.</summary>
    public DateTime? LastSync { get; private set; }

    /// <summary>
    /// MAAS's <c>sync_interval</c>, seconds: config <c>hardware_sync_interval</c> when hardware sync was turned on
    /// (MAAS's <c>Node.save</c> sets it once, while it is null). Null when off.
    /// </summary>
    public int? SyncInterval { get; private set; }

    /// <summary>MAAS's <c>next_sync</c>: <see cref="LastSync"/> + <see cref="SyncInterval"/>, null when either is missing or zero.</summary>
    public DateTime? NextSync =>
        LastSync is { } last && SyncInterval is { } interval and not 0 ? last.AddSeconds(interval) : null;

    /// <summary>
    /// MAAS's <c>is_sync_healthy</c>: hardware sync is on, the machine has synced, and the next sync is less than half
    /// an interval late (<c>now &lt;= last_sync + 1.5 × sync_interval</c>).
    /// </summary>
    public bool IsSyncHealthy(DateTime now) =>
        EnableHwSync && LastSync is { } last && SyncInterval is { } interval and not 0
        && now <= last.AddSeconds(1.5 * interval);

    /// <summary>
    /// Turns hardware sync on or off for a deployment; turning it on takes the configured interval unless the
    /// machine already has one (MAAS's <c>Node.save</c>: "if enable_hw_sync and sync_interval is None").
    /// </summary>
    private void SetHardwareSync(bool enable, LifecycleSettings settings)
    {
        EnableHwSync = enable;
        if (enable && SyncInterval is null)
        {
            SyncInterval = settings.HardwareSyncInterval;
        }
    }

    /// <summary>
    /// MAAS's <c>end_deployment</c> and the end of <c>_store_results</c> (every signal that stores results):
    /// with hardware sync on, <see cref="LastSync"/> becomes <paramref name="now"/>. Returns whether it changed.
    /// </summary>
    public bool RecordHardwareSync(DateTime now)
    {
        if (!EnableHwSync)
        {
            return false;
        }

        LastSync = now;
        return true;
    }

    /// <summary>Release resets the hardware-sync fields (<c>_release</c>).</summary>
    private void ClearHardwareSync()
    {
        EnableHwSync = false;
        LastSync = null;
        SyncInterval = null;
    }
}
