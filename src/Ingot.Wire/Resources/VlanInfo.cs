namespace Ingot.Wire.Resources;

/// <summary>
/// A VLAN as interfaces and subnets nest it (<c>src/maasserver/api/vlans.py</c>). <see cref="Space"/> is
/// the space name or <c>undefined</c>; the racks are system_ids or null.
/// </summary>
public sealed record VlanInfo(
    long Id,
    string Name,
    int Vid,
    string Fabric,
    long FabricId,
    int Mtu = 1500,
    bool DhcpOn = false,
    string? ExternalDhcp = null,
    string? PrimaryRack = null,
    string? SecondaryRack = null,
    string Space = "undefined")
{
    /// <summary>The VLAN this one relays DHCP to (MAAS's <c>relay_vlan</c>), or null.</summary>
    public VlanInfo? RelayVlan { get; init; }

    /// <summary>The untagged VLAN of MAAS's first fabric, <c>fabric-0</c> (VLAN ids start at 5001).</summary>
    public static VlanInfo Default { get; } = new(5001, "untagged", 0, "fabric-0", 0);
}
