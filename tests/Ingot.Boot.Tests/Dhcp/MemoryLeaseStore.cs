using System.Collections.Concurrent;
using System.Net;
using Ingot.Core.Boot;

namespace Ingot.Boot.Tests.Dhcp;

/// <summary>
/// The fake <see cref="IDhcpLeaseStore"/>: leases by address in memory. Claims are compare-and-set as in the
/// real store (another client's live lease refuses them); <see cref="IsShared"/> makes it the store of
/// several regions (servers) at once.
/// </summary>
internal sealed class MemoryLeaseStore : IDhcpLeaseStore
{
    private readonly Lock _lock = new();

    public bool IsShared { get; init; }

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

    public Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct) => ClaimAsync(writes, ct);

    public Task<IReadOnlyList<DhcpLease>> ListSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DhcpLease>>([.. Leases.Values.Where(l => l.Starts >= since)]);

    public Task<IReadOnlyList<DhcpLease>> ClaimAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct)
    {
        Writes.Add(writes.Count);
        var refused = new List<DhcpLease>();
        lock (_lock)
        {
            foreach (DhcpLeaseWrite write in writes)
            {
                if (write.Lease is not { } lease)
                {
                    if (write.Holder is null || (Leases.TryGetValue(write.Address, out DhcpLease? there) && there.Mac == write.Holder))
                    {
                        Leases.TryRemove(write.Address, out _);
                    }
                }
                else if (!write.Reserved && Leases.TryGetValue(write.Address, out DhcpLease? held) && held.Mac != lease.Mac && held.Ends > lease.Starts)
                {
                    refused.Add(held);
                }
                else
                {
                    Leases[write.Address] = lease;
                    if (IsShared)
                    {
                        foreach (DhcpLease moved in Leases.Values.Where(l => l.Mac == lease.Mac && !l.Address.Equals(lease.Address)).ToList())
                        {
                            Leases.TryRemove(moved.Address, out _);
                        }
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyList<DhcpLease>>(refused);
    }
}
