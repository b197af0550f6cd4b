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

    public bool Enabled { get; set; } = true;

    /// <summary>For bonds, bridges and VLANs: the names of the parent interfaces.</summary>
    public List<string> Parents { get; set; } = [];

    public int? Vlan { get; set; }

    public List<InterfaceLink> Links { get; set; } = [];
}
