namespace Ingot.Core.Inventory;

/// <summary>
/// A PCI or USB device as MAAS's <c>NodeDevice</c> records it. <see cref="Bus"/> is <c>pcie</c> or
/// <c>usb</c>; <see cref="Address"/> is the PCI address or <c>bus:device</c> for USB.
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
}
