using System.Net;

namespace Ingot.Core.Boot;

/// <summary>
/// A subnet that Ingot's DHCP server hands addresses out on: a managed subnet on a VLAN with
/// <c>dhcp_on</c> (or one relayed to such a VLAN). <see cref="DynamicRanges"/> are the pools leases
/// come from; <see cref="ReservedRanges"/> and static addresses are never leased dynamically.
/// </summary>
public sealed record DhcpSubnet(
    IPNetwork Network,
    IPAddress? Gateway,
    IReadOnlyList<IPAddress> DnsServers,
    string DomainName,
    IReadOnlyList<AddressRange> DynamicRanges,
    IReadOnlyList<AddressRange> ReservedRanges,
    TimeSpan LeaseTime);
