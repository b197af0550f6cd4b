using Ingot.Core.Hardware;

namespace Ingot.Core.Inventory;

/// <summary>
/// A PCI or USB device as MAAS's <c>NodeDevice</c> records it. <see cref="Bus"/> is <c>pcie</c> or
/// <c>usb</c>; <see cref="Address"/> is the PCI address or <c>bus:device</c> for USB.
/// <see cref="InterfaceMac"/> and <see cref="DiskName"/> name the network port or disk the report puts
/// behind the same address (MAAS's network and storage devices); <see cref="IsGpu"/> when the report's
/// <c>gpu.cards</c> list the address.
/// </summary>
public sealed record InventoryDevice
{
    public required string Bus { get; init; }

    public string Address { get; init; } = "";

    public string Vendor { get; init; } = "";

    public string VendorId { get; init; } = "";

    public string Product { get; init; } = "";

    public string ProductId { get; init; } = "";

    public string Driver { get; init; } = "";

    public int NumaNode { get; init; }

    /// <summary>USB: <c>bus_address</c>; null for PCI.</summary>
    public int? BusNumber { get; init; }

    /// <summary>USB: <c>device_address</c>; null for PCI.</summary>
    public int? DeviceNumber { get; init; }

    public string InterfaceMac { get; init; } = "";

    public string DiskName { get; init; } = "";

    public bool IsGpu { get; init; }

    /// <summary>MAAS's <c>HARDWARE_TYPE</c>: network, else storage, else GPU, else node.</summary>
    public int HardwareType => InterfaceMac.Length > 0 ? 4 : DiskName.Length > 0 ? 3 : IsGpu ? 5 : 0;

    public NodeDeviceBus NodeBus => Bus == "usb" ? NodeDeviceBus.Usb : NodeDeviceBus.Pcie;
}
