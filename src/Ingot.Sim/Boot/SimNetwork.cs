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

    /// <summary>How long a DHCP client waits for each answer, and how often it asks.</summary>
    public TimeSpan DhcpWait { get; init; } = TimeSpan.FromSeconds(2);

    public int DhcpAttempts { get; init; } = 3;

    /// <summary>Several regions with failover between them; null for one Ingot at <see cref="Dhcp"/> and <see cref="Tftp"/>.</summary>
    public SimRegions? Regions { get; init; }

    /// <summary>Where this NIC's TFTP goes now.</summary>
    public IPEndPoint TftpServerFor(string mac) => Regions?.For(mac).Tftp ?? Tftp;
}
