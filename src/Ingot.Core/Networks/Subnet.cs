using System.Net;

namespace Ingot.Core.Networks;

/// <summary>
/// A subnet (MAAS's <c>Subnet</c>) on a VLAN. The CIDR is unique and kept in its canonical form
/// (<c>10.0.0.0/24</c>); interface links refer to a subnet by it. Its space is its VLAN's.
/// </summary>
public sealed class Subnet
{
    /// <summary>MAAS's <c>RDNS_MODE.DEFAULT</c> (RFC 2317).</summary>
    public const int DefaultRdnsMode = 2;

    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Cidr { get; set; }

    public long VlanId { get; set; }

    public string? GatewayIp { get; set; }

    public List<string> DnsServers { get; set; } = [];

    public bool Managed { get; set; } = true;

    public bool AllowDns { get; set; } = true;

    public bool AllowProxy { get; set; } = true;

    public bool ActiveDiscovery { get; set; }

    public int RdnsMode { get; set; } = DefaultRdnsMode;

    public string Description { get; set; } = "";

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public IPNetwork Network => IPNetwork.Parse(Cidr);

    public Subnet Copy()
    {
        var copy = (Subnet)MemberwiseClone();
        copy.DnsServers = [.. DnsServers];
        return copy;
    }
}
