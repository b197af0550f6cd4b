namespace Ingot.Core.Hardware;

/// <summary>
/// A PCI or USB device of a machine as commissioning found it (MAAS's <c>NodeDevice</c>). The id is the
/// machine's own numbering (kept for a device that is found again). A network card or disk behind the
/// device is named by the interface's MAC or the disk's name, so the link survives re-commissioning.
/// <see cref="HardwareType"/> is MAAS's <c>HARDWARE_TYPE</c> (0 node, 3 storage, 4 network, 5 GPU).
/// </summary>
public sealed record NodeDevice
{
    public int Id { get; init; }

    public NodeDeviceBus Bus { get; init; }

    public int HardwareType { get; init; }

    public int NumaNode { get; init; }

    public string VendorId { get; init; } = "";

    public string ProductId { get; init; } = "";

    public string VendorName { get; init; } = "";

    public string ProductName { get; init; } = "";

    public string CommissioningDriver { get; init; } = "";

    /// <summary>USB only: the bus number; null for PCI devices.</summary>
    public int? BusNumber { get; init; }

    /// <summary>USB only: the device number on its bus; null for PCI devices.</summary>
    public int? DeviceNumber { get; init; }

    /// <summary>PCI only: <c>dddd:bb:dd.f</c>; null for USB devices.</summary>
    public string? PciAddress { get; init; }

    /// <summary>The MAC of the physical interface this device is, when it is a network card.</summary>
    public string? InterfaceMac { get; init; }

    /// <summary>The name of the physical disk this device is, when it is a storage device.</summary>
    public string? BlockDeviceName { get; init; }

    /// <summary>MAAS's identity of a device across commissionings: vendor, product and address.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => $"{VendorId}:{ProductId}:{(Bus == NodeDeviceBus.Pcie ? PciAddress : $"{BusNumber}:{DeviceNumber}")}";
}
