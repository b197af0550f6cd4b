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
/// </summary>
public sealed class DhcpServer(IDhcpConfigurationSource source, IDhcpLeaseStore store, DhcpResponder responder, TimeProvider time) : IDhcpHandler, IDisposable
{
    private readonly DhcpLeaseTable _leases = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DhcpLeaseWriter _writer = new(store);
    private readonly ConcurrentDictionary<IPAddress, Storing> _storing = new();
    private DhcpConfiguration? _configuration;
    private long _version;
    private long _sharedWrites;

    /// <summary>Reads the stored leases into the table; returns how many.</summary>
    public async Task<int> LoadAsync(CancellationToken ct)
    {
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

    public async ValueTask<DhcpAnswer> AnswerAsync(DhcpPacket request, DhcpInterface link, int localPort, CancellationToken ct)
    {
        DhcpAnswer answer;
        Task? stored = null;
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

        if (stored is not null)
        {
            await stored.WaitAsync(ct);
        }

        return answer;
    }

    /// <summary>How many retransmitted REQUESTs were answered from a write already under way.</summary>
    public long SharedWrites => Interlocked.Read(ref _sharedWrites);

    /// <summary>Applies <paramref name="change"/> to the table and queues its writes (under the gate).</summary>
    private Task? Store(DhcpLeaseChange change, uint transactionId)
    {
        var writes = new List<DhcpLeaseWrite>(1);
        bool bind = change.Kind == DhcpLeaseChangeKind.Bind;
        foreach (IPAddress gone in _leases.Apply(change))
        {
            writes.Add(DhcpLeaseWrite.Remove(gone));
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
            writes.Insert(0, DhcpLeaseWrite.Save(change.Lease));
        }

        if (writes.Count == 0)
        {
            return null;
        }

        Task stored = _writer.Enqueue(writes);
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

    private sealed record Storing(MacAddress Mac, uint TransactionId, Task Stored);
}
