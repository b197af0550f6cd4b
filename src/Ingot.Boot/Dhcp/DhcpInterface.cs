using System.Net;

namespace Ingot.Boot.Dhcp;

/// <summary>A host interface the DHCP server listens on, with its IPv4 address and the network it is on.</summary>
public sealed record DhcpInterface(string Name, IPAddress Address, IPNetwork Network)
{
    /// <summary>The loopback relay listener's link: relayed requests only, answered as 127.0.0.1.</summary>
    public static DhcpInterface Loopback { get; } = new("lo", IPAddress.Loopback, new IPNetwork(IPAddress.Parse("127.0.0.0"), 8));
}
