using Ingot.Core.Hardware;

namespace Ingot.Core.Inventory;

/// <summary>
/// An interface MAAS models from the report: a <c>networks</c> entry of type <c>broadcast</c>,
/// physical (with its card's and port's facts), a bond or bridge (with its parents) or a VLAN
/// (with its VID and parent). Speeds are in Mbit/s.
/// </summary>
public sealed record InventoryInterface
{
    public required string Name { get; init; }

    public MacAddress MacAddress { get; init; }

    public InterfaceType Type { get; init; } = InterfaceType.Physical;

    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>For a VLAN interface, its VID.</summary>
    public int? Vid { get; init; }

    /// <summary>The negotiated speed (<c>link_speed</c>).</summary>
    public int LinkSpeed { get; init; }

    /// <summary>The highest supported speed (from <c>supported_modes</c>, e.g. 25000 for <c>25000baseSR/Full</c>).</summary>
    public int InterfaceSpeed { get; init; }

    /// <summary>The state is up and, for a port, a link is detected.</summary>
    public bool LinkConnected { get; init; }

    public bool Enabled { get; init; } = true;

    public string Vendor { get; init; } = "";

    public string Product { get; init; } = "";

    public string FirmwareVersion { get; init; } = "";

    public int NumaNode { get; init; }

    public int SriovMaxVf { get; init; }

    public string PciAddress { get; init; } = "";

    public string UsbAddress { get; init; } = "";

    public int Mtu { get; init; }

    /// <summary>The global addresses in CIDR form (<c>10.0.0.5/24</c>).</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];
}
