using Ingot.Core.Boot;

namespace Ingot.Boot.Dhcp;

/// <summary>What an answer does to the lease table (see <see cref="DhcpLeaseTable.Apply"/>).</summary>
public sealed record DhcpLeaseChange(DhcpLeaseChangeKind Kind, DhcpLease Lease);
