namespace Ingot.Core.Networks;

/// <summary>
/// A VLAN of a fabric (MAAS's <c>VLAN</c>). DHCP on a VLAN is served by its primary (and secondary)
/// rack controller; a VLAN may instead relay DHCP to another VLAN (<see cref="RelayVlanId"/>).
/// Racks are stored by system_id.
/// </summary>
public sealed class Vlan
{
    public const int DefaultMtu = 1500;

    public long Id { get; set; }

    public long FabricId { get; set; }

    public int Vid { get; set; }

    public string? Name { get; set; }

    public string Description { get; set; } = "";

    public int Mtu { get; set; } = DefaultMtu;

    public bool DhcpOn { get; set; }

    public long? RelayVlanId { get; set; }

    public string? PrimaryRack { get; set; }

    public string? SecondaryRack { get; set; }

    public long? SpaceId { get; set; }

    public string? ExternalDhcp { get; set; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public Vlan Copy() => (Vlan)MemberwiseClone();
}
