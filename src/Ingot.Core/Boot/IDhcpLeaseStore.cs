using System.Net;

namespace Ingot.Core.Boot;

/// <summary>Port: leases persist in the database so that they survive a restart.</summary>
public interface IDhcpLeaseStore
{
    Task<IReadOnlyList<DhcpLease>> ListAsync(CancellationToken ct);

    /// <summary>Stores the lease, replacing any lease on the same address.</summary>
    Task SaveAsync(DhcpLease lease, CancellationToken ct);

    Task RemoveAsync(IPAddress address, CancellationToken ct);
}
