namespace Ingot.Core.NetworkConfig;

/// <summary>What the network configuration needs of a subnet: its CIDR, gateway, DNS servers and its VLAN's MTU.</summary>
public sealed record SubnetFacts(string Cidr, string? Gateway, IReadOnlyList<string> DnsServers, int Mtu = 1500)
{
    public int PrefixLength => int.Parse(Cidr[(Cidr.IndexOf('/', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    public bool IsIpv6 => Cidr.Contains(':', StringComparison.Ordinal);
}
