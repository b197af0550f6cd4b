using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// The leases the DHCP server knows, in memory: bound leases (loaded from the store at start, kept
/// in step with it), offers that hold an address for a moment, and declined addresses. Not thread
/// safe; the server uses it under one lock. Expired entries stay (so a returning client gets its old
/// address back) but no longer block anyone else.
/// </summary>
public sealed class DhcpLeaseTable
{
    /// <summary>How long an OFFER holds its address for the client.</summary>
    public static TimeSpan OfferHold { get; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a declined address is left alone (ISC's abandoned addresses work alike).</summary>
    public static TimeSpan DeclineHold { get; } = TimeSpan.FromMinutes(10);

    private readonly Dictionary<IPAddress, Entry> _byAddress = [];
    private readonly Dictionary<MacAddress, IPAddress> _byMac = [];
    private readonly Dictionary<IPAddress, DateTimeOffset> _declined = [];

    public int Count => _byAddress.Count;

    public IEnumerable<DhcpLease> Bound => _byAddress.Values.Where(e => !e.Offered).Select(e => e.Lease);

    public void Load(IEnumerable<DhcpLease> leases)
    {
        foreach (DhcpLease lease in leases)
        {
            Put(lease, offered: false);
        }
    }

    /// <summary>The client's lease or offer (current or expired), if any.</summary>
    public DhcpLease? ForMac(MacAddress mac) =>
        _byMac.TryGetValue(mac, out IPAddress? address) && _byAddress.TryGetValue(address, out Entry? e) ? e.Lease : null;

    /// <summary>Whether the client holds <paramref name="address"/> by a bound lease (expired or not).</summary>
    public bool IsBoundTo(MacAddress mac, IPAddress address) =>
        _byAddress.TryGetValue(address, out Entry? e) && !e.Offered && e.Lease.Mac == mac;

    /// <summary>Another client holds <paramref name="address"/> (a live lease or offer), or it was declined lately.</summary>
    public bool IsTaken(IPAddress address, MacAddress by, DateTimeOffset now) =>
        (_byAddress.TryGetValue(address, out Entry? e) && e.Lease.Mac != by && e.Lease.Ends > now)
        || (_declined.TryGetValue(address, out DateTimeOffset until) && until > now);

    /// <summary>Applies <paramref name="change"/>; returns the addresses whose stored lease must go.</summary>
    public IReadOnlyList<IPAddress> Apply(DhcpLeaseChange change)
    {
        DhcpLease lease = change.Lease;
        switch (change.Kind)
        {
            case DhcpLeaseChangeKind.Offer:
                return Put(lease, offered: true);
            case DhcpLeaseChangeKind.Bind:
                _declined.Remove(lease.Address);
                return Put(lease, offered: false);
            case DhcpLeaseChangeKind.Release:
                return Remove(lease.Address, lease.Mac) ? [lease.Address] : [];
            case DhcpLeaseChangeKind.Decline:
                _declined[lease.Address] = lease.Ends;
                return Remove(lease.Address, lease.Mac) ? [lease.Address] : [];
            default:
                return [];
        }
    }

    private List<IPAddress> Put(DhcpLease lease, bool offered)
    {
        var gone = new List<IPAddress>();
        if (_byMac.TryGetValue(lease.Mac, out IPAddress? previous) && !previous.Equals(lease.Address))
        {
            if (_byAddress.Remove(previous, out Entry? old) && !old.Offered)
            {
                gone.Add(previous);
            }
        }

        if (_byAddress.TryGetValue(lease.Address, out Entry? current) && current.Lease.Mac != lease.Mac)
        {
            _byMac.Remove(current.Lease.Mac);
        }

        // An offer never shortens or hides the client's bound lease on the same address.
        if (offered && current is { Offered: false } && current.Lease.Mac == lease.Mac)
        {
            return gone;
        }

        _byAddress[lease.Address] = new Entry(lease, offered);
        _byMac[lease.Mac] = lease.Address;
        return gone;
    }

    private bool Remove(IPAddress address, MacAddress mac)
    {
        if (!_byAddress.TryGetValue(address, out Entry? e) || e.Lease.Mac != mac)
        {
            return false;
        }

        _byAddress.Remove(address);
        _byMac.Remove(mac);
        return !e.Offered;
    }

    private sealed record Entry(DhcpLease Lease, bool Offered);
}
