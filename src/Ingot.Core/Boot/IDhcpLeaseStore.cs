using System.Net;

namespace Ingot.Core.Boot;

/// <summary>
/// Port: leases persist in the database so that they survive a restart, and, on a database several
/// regions share (<see cref="IsShared"/>), so that every region answers from the same leases: an address
/// is claimed in the store, never given to two clients at once.
/// </summary>
public interface IDhcpLeaseStore
{
    /// <summary>Whether other regions write to the same leases (PostgreSQL); false for a one-process store.</summary>
    bool IsShared => false;

    Task<IReadOnlyList<DhcpLease>> ListAsync(CancellationToken ct);

    /// <summary>The leases bound (their <see cref="DhcpLease.Starts"/>) at or after <paramref name="since"/>.</summary>
    async Task<IReadOnlyList<DhcpLease>> ListSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        [.. (await ListAsync(ct)).Where(l => l.Starts >= since)];

    /// <summary>Stores the lease, replacing any lease on the same address.</summary>
    Task SaveAsync(DhcpLease lease, CancellationToken ct);

    Task RemoveAsync(IPAddress address, CancellationToken ct);

    /// <summary>
    /// Applies <paramref name="writes"/> in order, all or none (the last write to an address wins):
    /// the DHCP server stores a batch of lease changes in one transaction.
    /// </summary>
    Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct);

    /// <summary>
    /// Applies <paramref name="writes"/> as <see cref="WriteAsync"/> does, in one transaction, except the claims
    /// the store refuses (<see cref="DhcpLeaseWrite"/>: another client's live lease holds the address); returns
    /// the leases that held the refused addresses. A one-writer store refuses nothing.
    /// </summary>
    async Task<IReadOnlyList<DhcpLease>> ClaimAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct)
    {
        await WriteAsync(writes, ct);
        return [];
    }
}
