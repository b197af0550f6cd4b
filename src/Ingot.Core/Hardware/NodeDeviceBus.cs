namespace Ingot.Core.Hardware;

/// <summary>MAAS's <c>NODE_DEVICE_BUS</c>: the bus a <see cref="NodeDevice"/> sits on.</summary>
public enum NodeDeviceBus
{
    Pcie = 1,
    Usb = 2,
}
