using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Ingot.Boot.Dhcp;

namespace Ingot.Sim.Boot;

/// <summary>
/// Where simulated machines meet Ingot: its loopback DHCP port (relayed requests only) and TFTP port,
/// and the relay addresses on loopback. <see cref="Relay"/> is the gateway of the subnet Ingot serves
/// (<see cref="Subnet"/>); <see cref="UnservedRelay"/> lies on no subnet Ingot knows, so a NIC behind
/// it never gets a lease. With a <see cref="Namespace"/> (root) the machines are on a link instead: DHCP
/// is broadcast there (<see cref="Dhcp"/> is then 255.255.255.255:67), TFTP goes to the next server the
/// lease names, and every socket is made inside the namespace.
/// </summary>
public sealed record SimNetwork(IPEndPoint Dhcp, IPEndPoint Tftp)
{
    public IPAddress Relay { get; init; } = IPAddress.Parse("127.77.0.1");

    public IPAddress UnservedRelay { get; init; } = IPAddress.Parse("127.78.0.1");

    public string Subnet { get; init; } = "127.77.0.0/24";

    public IPAddress RangeStart { get; init; } = IPAddress.Parse("127.77.0.10");

    public IPAddress RangeEnd { get; init; } = IPAddress.Parse("127.77.0.250");

    /// <summary>
    /// How long a DHCP client waits for an answer after each time it sends (the count is how often it
    /// sends): the PXE specification's 4, 8, 16 and 32 seconds, a minute in all, which PXE ROMs keep
    /// and distributions build iPXE with (upstream iPXE's default is 1, 2, 4 and 8). A client that
    /// gave up after a few seconds would lose leases a loaded server hands out late.
    /// </summary>
    public IReadOnlyList<TimeSpan> DhcpTimeouts { get; init; } =
        [TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(32)];

    /// <summary>What the DHCP clients of the machines on this network saw (shared by copies made with <c>with</c>).</summary>
    public SimDhcpCounters DhcpCounters { get; init; } = new();

    /// <summary>Several regions with failover between them; null for one Ingot at <see cref="Dhcp"/> and <see cref="Tftp"/>.</summary>
    public SimRegions? Regions { get; init; }

    /// <summary>
    /// Machines in <paramref name="ns"/> on its link, on <paramref name="subnet"/> (what Ingot serves there): DHCP
    /// broadcast, and the dynamic range the sim asks for over the subnet's upper half (for a /24, .128 to .254),
    /// clear of the low addresses where servers and routers usually sit.
    /// </summary>
    public static SimNetwork OnLink(SimNamespace ns, IPNetwork subnet)
    {
        uint first = BinaryPrimitives.ReadUInt32BigEndian(subnet.BaseAddress.GetAddressBytes());
        uint size = 1u << (32 - subnet.PrefixLength);
        return new SimNetwork(new IPEndPoint(IPAddress.Broadcast, DhcpReplyRoute.ServerPort), new IPEndPoint(IPAddress.Any, TftpPort))
        {
            Namespace = ns,
            Subnet = subnet.ToString(),
            RangeStart = Address(first + (size / 2)),
            RangeEnd = Address(first + size - 2),
        };
    }

    private static IPAddress Address(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    /// <summary>The network namespace the machines are in, on its link; null for the loopback relay.</summary>
    public SimNamespace? Namespace { get; init; }

    /// <summary>Where this NIC's TFTP goes now: on a link, the lease's next server (port 69); else Ingot's (or its region's) TFTP port.</summary>
    public IPEndPoint TftpServerFor(string mac, DhcpLease lease) => Namespace is not null
        ? new IPEndPoint(lease.NextServer.Equals(IPAddress.Any) ? lease.Server : lease.NextServer, TftpPort)
        : Regions?.For(mac).Tftp ?? Tftp;

    /// <summary>TFTP's well-known port (RFC 1350).</summary>
    public const int TftpPort = 69;

    /// <summary>A new IPv4 socket where the machines are: inside the namespace, or here.</summary>
    public async Task<Socket> SocketAsync(SocketType type, ProtocolType protocol) =>
        Namespace is { } ns ? await ns.SocketAsync(type, protocol) : new Socket(AddressFamily.InterNetwork, type, protocol);
}
