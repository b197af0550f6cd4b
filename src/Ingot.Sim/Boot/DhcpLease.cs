using System.Net;

namespace Ingot.Sim.Boot;

/// <summary>What a DHCP exchange gave a NIC: its address, the server, and the boot file (a TFTP name or an HTTP URL).</summary>
public sealed record DhcpLease(IPAddress Address, IPAddress Server, IPAddress NextServer, string BootFile);
