using System.Net;

namespace Ingot.Sim.Boot;

/// <summary>
/// Where simulated machines meet Ingot: its loopback DHCP port (relayed requests only) and TFTP port,
/// and the relay addresses on loopback. <see cref="Relay"/> is the gateway of the subnet Ingot serves
/// (<see cref="Subnet"/>); <see cref="UnservedRelay"/> lies on no subnet Ingot knows, so a NIC behind
/// it never gets a lease.
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

    /// <summary>Where this NIC's TFTP goes now.</summary>
    public IPEndPoint TftpServerFor(string mac) => Regions?.For(mac).Tftp ?? Tftp;
}
