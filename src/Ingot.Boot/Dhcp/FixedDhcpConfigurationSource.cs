using Ingot.Core.Boot;

namespace Ingot.Boot.Dhcp;

/// <summary>A DHCP configuration that never changes: the default until IPAM provides one, and for tests.</summary>
public sealed class FixedDhcpConfigurationSource(DhcpConfiguration configuration) : IDhcpConfigurationSource
{
    public long Version => 0;

    public Task<DhcpConfiguration> GetAsync(CancellationToken ct) => Task.FromResult(configuration);
}
