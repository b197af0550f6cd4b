using Ingot.Core.Boot;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// The authoritative DHCP server's state around <see cref="DhcpResponder"/>: the lease table (loaded
/// from <see cref="IDhcpLeaseStore"/> by <see cref="LoadAsync"/>), the configuration (fetched again
/// whenever its source's version changes) and the clock. Packets are decided one at a time; a
/// lease change is stored through <see cref="DhcpLeaseWriter"/> (group commit) and the answer is
/// returned only once it is stored, so an acknowledged lease survives a restart, while the next
/// packets are decided in the meantime.
/// </summary>
public sealed class DhcpServer(IDhcpConfigurationSource source, IDhcpLeaseStore store, DhcpResponder responder, TimeProvider time) : IDhcpHandler, IDisposable
{
    private readonly DhcpLeaseTable _leases = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DhcpLeaseWriter _writer = new(store);
    private DhcpConfiguration? _configuration;
    private long _version;

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
                var writes = new List<DhcpLeaseWrite>(1);
                if (change.Kind == DhcpLeaseChangeKind.Bind)
                {
                    writes.Add(DhcpLeaseWrite.Save(change.Lease));
                }

                foreach (System.Net.IPAddress gone in _leases.Apply(change))
                {
                    writes.Add(DhcpLeaseWrite.Remove(gone));
                }

                stored = writes.Count > 0 ? _writer.Enqueue(writes) : null;
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
}
