namespace Ingot.Core.Boot;

/// <summary>
/// Port: the DHCP configuration derived from the network model (IPAM). The DHCP server asks for it
/// and caches it; <see cref="Version"/> changes whenever the answer would change.
/// </summary>
public interface IDhcpConfigurationSource
{
    /// <summary>A number that changes when subnets, ranges, VLAN DHCP settings or fixed hosts change.</summary>
    long Version { get; }

    Task<DhcpConfiguration> GetAsync(CancellationToken ct);
}
