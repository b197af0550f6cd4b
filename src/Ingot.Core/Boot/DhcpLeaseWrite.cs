using System.Net;
using Ingot.Core.Hardware;

namespace Ingot.Core.Boot;

/// <summary>
/// One change to the stored leases: <see cref="Lease"/> claimed on <see cref="Address"/>, or, when null, the
/// lease there removed (only <see cref="Holder"/>'s lease, when one is named: a region never removes a lease
/// another region gave to another client). A claim is refused while another client holds a live lease on
/// the address, unless the address is <see cref="Reserved"/> for the claiming client (a fixed host).
/// </summary>
public sealed record DhcpLeaseWrite(IPAddress Address, DhcpLease? Lease, MacAddress? Holder = null, bool Reserved = false)
{
    public static DhcpLeaseWrite Save(DhcpLease lease, bool reserved = false) => new(lease.Address, lease, null, reserved);

    public static DhcpLeaseWrite Remove(IPAddress address) => new(address, null);

    /// <summary>Removes <paramref name="holder"/>'s lease on <paramref name="address"/>, if it still holds it.</summary>
    public static DhcpLeaseWrite Remove(IPAddress address, MacAddress holder) => new(address, null, holder);
}
