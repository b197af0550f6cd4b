using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// Which address a client gets on a subnet: its fixed host address first, then the address of its
/// existing lease, then the address it asks for, then the first free one in the dynamic ranges (searched from where
/// <see cref="DhcpLeaseTable.ScanFrom"/> says).
/// Reserved ranges, other hosts' fixed addresses, declined addresses and live leases of other
/// clients are never handed out.
/// </summary>
internal static class AddressChoice
{
    public static IPAddress? Choose(DhcpSubnet subnet, DhcpConfiguration config, DhcpLeaseTable leases, MacAddress mac, IPAddress? requested, DateTimeOffset now)
    {
        if (FixedHost(subnet, config, mac) is { } host)
        {
            return host.Address;
        }

        if (leases.ForMac(mac) is { } lease && IsAllowed(subnet, config, leases, mac, lease.Address, now))
        {
            return lease.Address;
        }

        if (requested is not null && IsAllowed(subnet, config, leases, mac, requested, now))
        {
            return requested;
        }

        foreach (AddressRange range in subnet.DynamicRanges)
        {
            if (FirstFree(subnet, config, leases, mac, range, now) is { } free)
            {
                return free;
            }
        }

        return null;
    }

    /// <summary>
    /// The first address of <paramref name="range"/> that <paramref name="mac"/> may hold. The search
    /// starts where the table says the addresses before are all taken (and notes where it stopped),
    /// so handing out a range address by address does not read the range from its start each time.
    /// </summary>
    private static IPAddress? FirstFree(DhcpSubnet subnet, DhcpConfiguration config, DhcpLeaseTable leases, MacAddress mac, AddressRange range, DateTimeOffset now)
    {
        uint start = Ipv4.ToNumber(range.Start);
        uint end = Ipv4.ToNumber(range.End);
        (uint from, DateTimeOffset until) = leases.ScanFrom(range, now) ?? (start, DateTimeOffset.MaxValue);
        for (uint n = Math.Max(from, start); n <= end && n != 0; n++)
        {
            IPAddress candidate = Ipv4.FromNumber(n);
            if (IsAllowed(subnet, config, leases, mac, candidate, now))
            {
                leases.Scanned(range, n, until);
                return candidate;
            }

            if (leases.TakenUntil(candidate, mac, now) is { } taken && taken < until)
            {
                until = taken;
            }

            if (n == uint.MaxValue)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="mac"/> may hold <paramref name="address"/> on <paramref name="subnet"/>.</summary>
    public static bool IsAllowed(DhcpSubnet subnet, DhcpConfiguration config, DhcpLeaseTable leases, MacAddress mac, IPAddress address, DateTimeOffset now)
    {
        if (!Ipv4.IsHostAddress(subnet.Network, address))
        {
            return false;
        }

        if (FixedHost(subnet, config, mac) is { } host)
        {
            return host.Address.Equals(address);
        }

        uint n = Ipv4.ToNumber(address);
        return InAny(subnet.DynamicRanges, n)
            && !InAny(subnet.ReservedRanges, n)
            && !IsHostAddress(config.Hosts, address)
            && !leases.IsTaken(address, mac, now);
    }

    // Loops rather than LINQ below: these run for every candidate address of every DISCOVER.
    public static DhcpHost? FixedHost(DhcpSubnet subnet, DhcpConfiguration config, MacAddress mac)
    {
        IReadOnlyList<DhcpHost> hosts = config.Hosts;
        for (int i = 0; i < hosts.Count; i++)
        {
            if (hosts[i].Mac == mac && subnet.Network.Contains(hosts[i].Address))
            {
                return hosts[i];
            }
        }

        return null;
    }

    private static bool IsHostAddress(IReadOnlyList<DhcpHost> hosts, IPAddress address)
    {
        for (int i = 0; i < hosts.Count; i++)
        {
            if (hosts[i].Address.Equals(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InAny(IReadOnlyList<AddressRange> ranges, uint n)
    {
        for (int i = 0; i < ranges.Count; i++)
        {
            if (Ipv4.ToNumber(ranges[i].Start) <= n && n <= Ipv4.ToNumber(ranges[i].End))
            {
                return true;
            }
        }

        return false;
    }
}
