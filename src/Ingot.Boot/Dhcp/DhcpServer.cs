using System.Collections.Concurrent;
using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// The authoritative DHCP server's state around <see cref="DhcpResponder"/>: the lease table (loaded
/// from <see cref="IDhcpLeaseStore"/> by <see cref="LoadAsync"/>), the configuration (fetched again
/// whenever its source's version changes) and the clock. Packets are decided one at a time; a
/// lease change is stored through <see cref="DhcpLeaseWriter"/> (group commit) and the answer is
/// returned only once it is stored, so an acknowledged lease survives a restart, while the next
/// packets are decided in the meantime. A client that resends its REQUEST (same <c>xid</c>) while the
/// lease it asked for is still being stored is answered from that same write, not with a second one:
/// under a storm, when the store is slow, every retransmission used to cost one more lease write.
/// <para>
/// Several regions on one database (<see cref="IDhcpLeaseStore.IsShared"/>) all answer on the VLAN from the
/// same leases: a bind is a claim in the store, which refuses an address another region's client holds (the
/// REQUEST gets a NAK and the table learns the holder, so the client's next DISCOVER is offered another
/// address), and <see cref="SyncAsync"/> brings the leases the other regions bound into the table, so a client
/// is offered and renewed its address whichever region answers, also after the region that gave it is gone.
/// </para>
/// </summary>
public sealed class DhcpServer(IDhcpConfigurationSource source, IDhcpLeaseStore store, DhcpResponder responder, TimeProvider time) : IDhcpHandler, IDisposable
{
    private readonly DhcpLeaseTable _leases = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DhcpLeaseWriter _writer = new(store);
    private readonly ConcurrentDictionary<IPAddress, Storing> _storing = new();
    private DhcpConfiguration? _configuration;
    private long _syncedFromTicks; // UTC ticks of the last sync or load, 0 before either (read and written by several tasks)
    private long _version;
    private long _sharedWrites;
    private long _refusedClaims;

    /// <summary>Reads the stored leases into the table; returns how many.</summary>
    public async Task<int> LoadAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref _syncedFromTicks, time.GetUtcNow().UtcTicks);
        IReadOnlyList<DhcpLease> stored = await store.ListAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            _leases.Load(stored);
            return stored.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How far back each <see cref="SyncAsync"/> reads before the previous one: a lease bound by another region is stored a moment after it started.</summary>
    public static TimeSpan SyncOverlap { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How often <see cref="DhcpService"/> runs <see cref="SyncAsync"/> on a shared store.</summary>
    public static TimeSpan SyncInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reads the leases bound since the last sync or load (less <see cref="SyncOverlap"/>; all of them the first
    /// time without a load) from the store, by any region,
    /// into the table; returns how many changed it. A lease missed here costs a NAK at most: the claim in the
    /// store is what keeps an address to one client.
    /// </summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        DateTimeOffset started = time.GetUtcNow();
        long from = Interlocked.Read(ref _syncedFromTicks);
        DateTimeOffset since = from == 0 ? DateTimeOffset.MinValue : new DateTimeOffset(from, TimeSpan.Zero) - SyncOverlap;
        IReadOnlyList<DhcpLease> bound = await store.ListSinceAsync(since, ct);
        int learned = 0;
        await _gate.WaitAsync(ct);
        try
        {
            foreach (DhcpLease lease in bound)
            {
                learned += _leases.Learn(lease) ? 1 : 0;
            }
        }
        finally
        {
            _gate.Release();
        }

        Interlocked.Exchange(ref _syncedFromTicks, started.UtcTicks);
        return learned;
    }

    /// <summary>How many binds the store refused because another region's client held the address.</summary>
    public long RefusedClaims => Interlocked.Read(ref _refusedClaims);

    public async ValueTask<DhcpAnswer> AnswerAsync(DhcpPacket request, DhcpInterface link, int localPort, CancellationToken ct)
    {
        DhcpAnswer answer;
        Task<DhcpLease?>? stored = null;
        await _gate.WaitAsync(ct);
        try
        {
            DhcpConfiguration configuration = await ConfigurationAsync(ct);
            answer = responder.Respond(request, link, configuration, _leases, time.GetUtcNow());
            if (answer.Change is { } change)
            {
                stored = Store(change, request.TransactionId);
            }
        }
        finally
        {
            _gate.Release();
        }

        if (stored is not null && await stored.WaitAsync(ct) is { } holder)
        {
            Interlocked.Increment(ref _refusedClaims);
            await _gate.WaitAsync(ct);
            try
            {
                _leases.Learn(holder, refused: true);
            }
            finally
            {
                _gate.Release();
            }

            if (store.IsShared)
            {
                // The other regions bound more than this address lately: learn them all before the client's next DISCOVER.
                await SyncAsync(ct);
            }

            return DhcpResponder.Refused(request, link, holder);
        }

        return answer;
    }

    /// <summary>How many retransmitted REQUESTs were answered from a write already under way.</summary>
    public long SharedWrites => Interlocked.Read(ref _sharedWrites);

    /// <summary>Applies <paramref name="change"/> to the table and queues its writes (under the gate).</summary>
    private Task<DhcpLease?>? Store(DhcpLeaseChange change, uint transactionId)
    {
        var writes = new List<DhcpLeaseWrite>(1);
        bool bind = change.Kind == DhcpLeaseChangeKind.Bind;
        foreach (IPAddress gone in _leases.Apply(change))
        {
            writes.Add(DhcpLeaseWrite.Remove(gone, change.Lease.Mac));
        }

        IPAddress address = change.Lease.Address;
        if (bind && writes.Count == 0 && _storing.TryGetValue(address, out Storing? under)
            && !under.Stored.IsCompleted && under.Mac == change.Lease.Mac && under.TransactionId == transactionId)
        {
            // The same client's same REQUEST again: its lease is in that write (stored with the
            // first copy's times, a few seconds older than this answer's at most).
            Interlocked.Increment(ref _sharedWrites);
            return under.Stored;
        }

        if (bind)
        {
            writes.Insert(0, DhcpLeaseWrite.Save(change.Lease, change.Reserved));
        }

        if (writes.Count == 0)
        {
            return null;
        }

        Task<DhcpLease?> stored = _writer.Enqueue(writes);
        if (bind)
        {
            var storing = new Storing(change.Lease.Mac, transactionId, stored);
            _storing[address] = storing;
            _ = stored.ContinueWith(
                _ => _storing.TryRemove(KeyValuePair.Create(address, storing)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return stored;
    }

    /// <summary>Stores the changes still queued, then lets go of the lock.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _gate.Dispose();
    }

    private async Task<DhcpConfiguration> ConfigurationAsync(CancellationToken ct)
    {
        long version = source.Version;
        if (_configuration is null || version != _version)
        {
            _configuration = await source.GetAsync(ct);
            _version = version;
            _leases.ForgetScans();
        }

        return _configuration;
    }

    private sealed record Storing(MacAddress Mac, uint TransactionId, Task<DhcpLease?> Stored);
}
