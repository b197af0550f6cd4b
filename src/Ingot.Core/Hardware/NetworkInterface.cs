namespace Ingot.Core.Hardware;

/// <summary>A network interface of a machine.</summary>
public sealed class NetworkInterface
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public MacAddress MacAddress { get; set; }

    public InterfaceType Type { get; set; } = InterfaceType.Physical;

    /// <summary>Link speed in Mbit/s (0 when unknown).</summary>
    public int LinkSpeed { get; set; }

    /// <summary>The highest speed the interface supports, in Mbit/s (MAAS's <c>interface_speed</c>; 0 when unknown).</summary>
    public int InterfaceSpeed { get; set; }

    /// <summary>Whether a link was detected at the last commissioning (MAAS's <c>link_connected</c>).</summary>
    public bool LinkConnected { get; set; } = true;

    public bool Enabled { get; set; } = true;

    /// <summary>The card's vendor, product and firmware as commissioning reports them; "" when unknown.</summary>
    public string Vendor { get; set; } = "";

    public string Product { get; set; } = "";

    public string FirmwareVersion { get; set; } = "";

    /// <summary>The NUMA node the card hangs off (MAAS's <c>numa_node</c> index).</summary>
    public int NumaNode { get; set; }

    /// <summary>The SR-IOV virtual functions the card supports (MAAS's <c>sriov_max_vf</c>).</summary>
    public int SriovMaxVf { get; set; }

    /// <summary>For bonds, bridges and VLANs: the names of the parent interfaces.</summary>
    public List<string> Parents { get; set; } = [];

    /// <summary>The VID of the interface's VLAN (0 untagged); null when Core does not know it (then the VLAN of its first linked subnet).</summary>
    public int? Vlan { get; set; }

    /// <summary>The interface's tags (MAAS's <c>Interface.tags</c>).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Bond, bridge, MTU and IPv6 settings (MAAS's <c>params</c>).</summary>
    public InterfaceParams Params { get; set; } = new();

    public List<InterfaceLink> Links { get; set; } = [];
}
