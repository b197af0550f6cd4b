using System.Net;

namespace Ingot.Sim.Boot;

/// <summary>What a DHCP exchange gave a NIC: its address, the server, the next server (<c>siaddr</c>, TFTP), and the boot file (a TFTP name or an HTTP URL).</summary>
public sealed record DhcpLease(IPAddress Address, IPAddress Server, IPAddress NextServer, string BootFile)
{
    /// <summary>The prefix length of the network the address is on (option 1), which the NIC's address gets on its link.</summary>
    public int Prefix { get; init; } = 24;
}
