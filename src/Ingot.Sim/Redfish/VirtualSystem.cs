namespace Ingot.Sim.Redfish;

/// <summary>
/// One ComputerSystem behind the virtual Redfish BMC: power state, boot source override and a version
/// for its ETag. Power changes raise <see cref="PowerChanged"/>; a power on consumes a "Once" override
/// (raising <see cref="BootOverrideConsumed"/>) and boots from its target, otherwise from the disk.
/// Thread-safe: the service answers many clients at once.
/// </summary>
public sealed class VirtualSystem(string id)
{
    public static IReadOnlyList<string> ResetTypes { get; } =
        ["On", "ForceOff", "GracefulShutdown", "GracefulRestart", "ForceRestart", "ForceOn", "PushPowerButton", "PowerCycle", "Nmi"];

    public static IReadOnlyList<string> BootTargets { get; } = ["None", "Pxe", "Hdd", "Cd", "BiosSetup", "UefiShell"];

    public static IReadOnlyList<string> BootEnabledValues { get; } = ["Disabled", "Once", "Continuous"];

    public static IReadOnlyList<string> BootModes { get; } = ["Legacy", "UEFI"];

    private readonly Lock _lock = new();
    private bool _on;
    private string _overrideEnabled = "Disabled";
    private string _overrideTarget = "None";
    private string _bootMode = "UEFI";
    private long _version = 1;
    private readonly List<(DateTime At, string Type)> _redfishResets = [];

    public string Id { get; } = id;

    public Guid Uuid { get; } = Guid.NewGuid();

    /// <summary>The MACs of the system's NICs, served as its EthernetInterfaces ("1".."N" in this order).</summary>
    public IReadOnlyList<string> Macs { get; init; } = [];

    /// <summary>The clock of <see cref="RedfishResetLog"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public event EventHandler<VirtualPowerEventArgs>? PowerChanged;

    public event EventHandler<VirtualPowerEventArgs>? BootOverrideConsumed;

    public bool IsOn { get { lock (_lock) { return _on; } } }

    /// <summary>A consistent copy of the state for rendering.</summary>
    public (bool On, string OverrideEnabled, string OverrideTarget, string BootMode, string ETag) Snapshot()
    {
        lock (_lock)
        {
            return (_on, _overrideEnabled, _overrideTarget, _bootMode, $"W/\"{_version}\"");
        }
    }

    /// <summary>The reset types asked for over Redfish (by Ingot's power driver), in order: what tests count power actions by.</summary>
    public IReadOnlyList<string> RedfishResets { get { lock (_lock) { return [.. _redfishResets.Select(r => r.Type)]; } } }

    /// <summary>
    /// The same resets with the UTC time each was carried out (<c>15:40:35.120 On</c>): what a storm's report shows for a
    /// machine that ended off, to tell a late ForceOff from a machine that turned itself off.
    /// </summary>
    public IReadOnlyList<string> RedfishResetLog
    {
        get
        {
            lock (_lock)
            {
                return [.. _redfishResets.Select(r => $"{r.At.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)} {r.Type}")];
            }
        }
    }

    /// <summary>A <c>ComputerSystem.Reset</c> that came over Redfish: recorded in <see cref="RedfishResets"/>, then applied.</summary>
    public bool ResetOverRedfish(string resetType)
    {
        lock (_lock)
        {
            _redfishResets.Add((Time.GetUtcNow().UtcDateTime, resetType));
        }

        return Reset(resetType);
    }

    /// <summary>Applies a <c>ComputerSystem.Reset</c>; false when the reset type is not one this system allows.</summary>
    public bool Reset(string resetType)
    {
        switch (resetType)
        {
            case "On" or "ForceOn":
                SetPower(true);
                return true;
            case "ForceOff" or "GracefulShutdown":
                SetPower(false);
                return true;
            case "PushPowerButton":
                SetPower(!IsOn);
                return true;
            case "ForceRestart" or "GracefulRestart" or "PowerCycle":
                SetPower(false);
                SetPower(true);
                return true;
            case "Nmi":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Changes the boot override (null leaves a value as it is); an error text for a value not allowed.</summary>
    public string? SetBoot(string? enabled, string? target, string? mode)
    {
        if (enabled is not null && !BootEnabledValues.Contains(enabled))
        {
            return $"BootSourceOverrideEnabled '{enabled}' is not one of {string.Join(", ", BootEnabledValues)}.";
        }

        if (target is not null && !BootTargets.Contains(target))
        {
            return $"BootSourceOverrideTarget '{target}' is not one of {string.Join(", ", BootTargets)}.";
        }

        if (mode is not null && !BootModes.Contains(mode))
        {
            return $"BootSourceOverrideMode '{mode}' is not one of {string.Join(", ", BootModes)}.";
        }

        lock (_lock)
        {
            _overrideEnabled = enabled ?? _overrideEnabled;
            _overrideTarget = target ?? _overrideTarget;
            _bootMode = mode ?? _bootMode;
            _version++;
        }

        return null;
    }

    private void SetPower(bool on)
    {
        string boot = "Hdd";
        bool consumed = false;
        lock (_lock)
        {
            if (_on == on)
            {
                return;
            }

            _on = on;
            _version++;
            if (on && _overrideEnabled != "Disabled" && _overrideTarget != "None")
            {
                boot = _overrideTarget;
                if (_overrideEnabled == "Once")
                {
                    _overrideEnabled = "Disabled";
                    consumed = true;
                }
            }
        }

        var args = new VirtualPowerEventArgs(Id, on, on ? boot : "");
        if (consumed)
        {
            BootOverrideConsumed?.Invoke(this, args);
        }

        PowerChanged?.Invoke(this, args);
    }
}
