using Ingot.Core.Boot;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// What an answer does to the lease table (see <see cref="DhcpLeaseTable.Apply"/>). <paramref name="Reserved"/>:
/// a bind to the client's fixed address, which the store gives it even over another client's lease.
/// </summary>
public sealed record DhcpLeaseChange(DhcpLeaseChangeKind Kind, DhcpLease Lease, bool Reserved = false);
