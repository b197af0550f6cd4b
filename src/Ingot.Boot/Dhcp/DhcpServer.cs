using Ingot.Core.Boot;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// The authoritative DHCP server's state around <see cref="DhcpResponder"/>: the lease table (loaded
/// from <see cref="IDhcpLeaseStore"/> by <see cref="LoadAsync"/>), the configuration (fetched again
/// whenever its source's version changes) and the clock. One packet at a time; a bound lease is
/// stored before its ACK goes out, so an acknowledged lease survives a restart.
/// </summary>
public sealed class DhcpServer(IDhcpConfigurationSource source, IDhcpLeaseStore store, DhcpResponder responder, TimeProvider time) : IDhcpHandler, IDisposable
{
    private readonly DhcpLeaseTable _leases = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
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
        await _gate.WaitAsync(ct);
        try
        {
            DhcpConfiguration configuration = await ConfigurationAsync(ct);
            DhcpAnswer answer = responder.Respond(request, link, configuration, _leases, time.GetUtcNow());
            if (answer.Change is { } change)
            {
                if (change.Kind == DhcpLeaseChangeKind.Bind)
                {
                    await store.SaveAsync(change.Lease, ct);
                }

                foreach (System.Net.IPAddress gone in _leases.Apply(change))
                {
                    await store.RemoveAsync(gone, ct);
                }
            }

            return answer;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<DhcpConfiguration> ConfigurationAsync(CancellationToken ct)
    {
        long version = source.Version;
        if (_configuration is null || version != _version)
        {
            _configuration = await source.GetAsync(ct);
            _version = version;
        }

        return _configuration;
    }
}
