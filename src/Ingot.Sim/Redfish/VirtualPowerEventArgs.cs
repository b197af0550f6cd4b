namespace Ingot.Sim.Redfish;

/// <summary>A virtual system's power changed; on power on, <see cref="BootSource"/> is what it boots from (Pxe or Hdd).</summary>
public sealed class VirtualPowerEventArgs(string systemId, bool isOn, string bootSource) : EventArgs
{
    public string SystemId { get; } = systemId;

    public bool IsOn { get; } = isOn;

    public string BootSource { get; } = bootSource;
}
