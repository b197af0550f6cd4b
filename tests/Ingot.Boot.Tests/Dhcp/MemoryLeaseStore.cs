using System.Collections.Concurrent;
using System.Net;
using Ingot.Core.Boot;

namespace Ingot.Boot.Tests.Dhcp;

/// <summary>The fake <see cref="IDhcpLeaseStore"/>: leases by address in memory.</summary>
internal sealed class MemoryLeaseStore : IDhcpLeaseStore
{
    public ConcurrentDictionary<IPAddress, DhcpLease> Leases { get; } = new();

    /// <summary>How many writes each <see cref="WriteAsync"/> call carried.</summary>
    public ConcurrentBag<int> Writes { get; } = [];

    public Task<IReadOnlyList<DhcpLease>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DhcpLease>>([.. Leases.Values]);

    public Task SaveAsync(DhcpLease lease, CancellationToken ct)
    {
        Leases[lease.Address] = lease;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(IPAddress address, CancellationToken ct)
    {
        Leases.TryRemove(address, out _);
        return Task.CompletedTask;
    }

    public Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct)
    {
        Writes.Add(writes.Count);
        foreach (DhcpLeaseWrite write in writes)
        {
            if (write.Lease is { } lease)
            {
                Leases[write.Address] = lease;
            }
            else
            {
                Leases.TryRemove(write.Address, out _);
            }
        }

        return Task.CompletedTask;
    }
}
