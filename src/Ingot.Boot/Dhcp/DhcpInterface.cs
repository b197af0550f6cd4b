using System.Net;

namespace Ingot.Boot.Dhcp;

/// <summary>A host interface the DHCP server listens on, with its IPv4 address and the network it is on.</summary>
public sealed record DhcpInterface(string Name, IPAddress Address, IPNetwork Network);
