namespace Ingot.Wire.Resources;

/// <summary>
/// A subnet as interface links nest it (<c>src/maasserver/api/subnets.py</c>). Addresses are text:
/// <see cref="GatewayIp"/> and <see cref="DnsServers"/> must be IP literals (gomaasclient parses them).
/// </summary>
public sealed record SubnetInfo(long Id, string Name, string Cidr, VlanInfo Vlan)
{
    public string Description { get; init; } = "";

    public string? GatewayIp { get; init; }

    public IReadOnlyList<string> DnsServers { get; init; } = [];

    public string Space { get; init; } = "undefined";

    /// <summary>MAAS's <c>RDNS_MODE</c>: 0 disabled, 1 enabled, 2 RFC2317 (the default).</summary>
    public int RdnsMode { get; init; } = 2;

    public bool ActiveDiscovery { get; init; }

    public bool AllowDns { get; init; } = true;

    public bool AllowProxy { get; init; } = true;

    public bool Managed { get; init; } = true;

    public IReadOnlyList<string> DisabledBootArchitectures { get; init; } = [];

    /// <summary>What a link shows for a CIDR nobody has defined yet: MAAS names a subnet after its CIDR.</summary>
    public static SubnetInfo Undefined(string cidr, VlanInfo vlan) => new(0, cidr, cidr, vlan);
}
