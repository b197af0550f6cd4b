using System.Net;

namespace Ingot.Core.Boot;

/// <summary>Port: leases persist in the database so that they survive a restart.</summary>
public interface IDhcpLeaseStore
{
    Task<IReadOnlyList<DhcpLease>> ListAsync(CancellationToken ct);

    /// <summary>Stores the lease, replacing any lease on the same address.</summary>
    Task SaveAsync(DhcpLease lease, CancellationToken ct);

    Task RemoveAsync(IPAddress address, CancellationToken ct);

    /// <summary>
    /// Applies <paramref name="writes"/> in order, all or none (the last write to an address wins):
    /// the DHCP server stores a batch of lease changes in one transaction.
    /// </summary>
    Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct);
}
