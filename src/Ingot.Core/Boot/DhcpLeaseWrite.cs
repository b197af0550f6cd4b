using System.Net;

namespace Ingot.Core.Boot;

/// <summary>One change to the stored leases: <see cref="Lease"/> stored on <see cref="Address"/>, or, when null, the lease there removed.</summary>
public sealed record DhcpLeaseWrite(IPAddress Address, DhcpLease? Lease)
{
    public static DhcpLeaseWrite Save(DhcpLease lease) => new(lease.Address, lease);

    public static DhcpLeaseWrite Remove(IPAddress address) => new(address, null);
}
