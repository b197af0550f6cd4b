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
    private readonly Dictionary<AddressRange, Scan> _scans = [];

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

    /// <summary>
    /// Until when <paramref name="address"/> is kept from <paramref name="by"/> by this table (another
    /// client's live lease or offer, or a decline), or null when the table does not keep it.
    /// </summary>
    public DateTimeOffset? TakenUntil(IPAddress address, MacAddress by, DateTimeOffset now)
    {
        DateTimeOffset? until = null;
        if (_byAddress.TryGetValue(address, out Entry? e) && e.Lease.Mac != by && e.Lease.Ends > now)
        {
            until = e.Lease.Ends;
        }

        if (_declined.TryGetValue(address, out DateTimeOffset declined) && declined > now && (until is null || declined > until))
        {
            until = declined;
        }

        return until;
    }

    /// <summary>
    /// Where a search for a free address in <paramref name="range"/> may start: every address before
    /// it was found taken by the last searches, and stays taken until the time noted with it (the
    /// first lease, offer or decline among them to end). Null when there is no such note (or it has run
    /// out): search from the start of the range.
    /// </summary>
    public (uint Next, DateTimeOffset Until)? ScanFrom(AddressRange range, DateTimeOffset now)
    {
        if (_scans.TryGetValue(range, out Scan scan))
        {
            if (scan.Until > now)
            {
                return (scan.Next, scan.Until);
            }

            _scans.Remove(range);
        }

        return null;
    }

    /// <summary>Notes that the addresses of <paramref name="range"/> before <paramref name="next"/> are taken until <paramref name="until"/>.</summary>
    public void Scanned(AddressRange range, uint next, DateTimeOffset until) => _scans[range] = new Scan(next, until);

    /// <summary>Forgets the notes of <see cref="Scanned"/> (the configuration changed: ranges, reservations or hosts).</summary>
    public void ForgetScans() => _scans.Clear();

    /// <summary>
    /// Takes in a bound lease read from a store other regions write too (or one the store named when it refused
    /// this table's claim, <paramref name="refused"/>): it replaces what the table has on its address, unless
    /// the table has a bound lease there that started at the same time or later (this region's own, or the same
    /// lease read before), or the client's own later lease on another address. Returns whether the table changed.
    /// Nothing is written back: the store already holds it.
    /// </summary>
    public bool Learn(DhcpLease stored, bool refused = false)
    {
        if (!refused && _byAddress.TryGetValue(stored.Address, out Entry? here) && !here.Offered && here.Lease.Starts >= stored.Starts)
        {
            return false;
        }

        if (_byMac.TryGetValue(stored.Mac, out IPAddress? at) && !at.Equals(stored.Address)
            && _byAddress.TryGetValue(at, out Entry? own) && !own.Offered && own.Lease.Starts > stored.Starts)
        {
            return false;
        }

        Put(stored, offered: false);
        return true;
    }

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

    private IReadOnlyList<IPAddress> Put(DhcpLease lease, bool offered)
    {
        IReadOnlyList<IPAddress> gone = [];
        if (_byMac.TryGetValue(lease.Mac, out IPAddress? previous) && !previous.Equals(lease.Address))
        {
            if (_byAddress.Remove(previous, out Entry? old))
            {
                Freed(previous);
                if (!old.Offered)
                {
                    gone = [previous];
                }
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
        Freed(address);
        return !e.Offered;
    }

    /// <summary>A search must not start past an address that became free.</summary>
    private void Freed(IPAddress address)
    {
        uint n = Ipv4.ToNumber(address);
        if (_scans.Count == 0)
        {
            return;
        }

        foreach ((AddressRange range, Scan scan) in _scans.ToList())
        {
            if (scan.Next > n && Ipv4.ToNumber(range.Start) <= n && n <= Ipv4.ToNumber(range.End))
            {
                _scans[range] = scan with { Next = n };
            }
        }
    }

    private readonly record struct Scan(uint Next, DateTimeOffset Until);

    private sealed record Entry(DhcpLease Lease, bool Offered);
}
