using Ingot.Boot.Dhcp;
using Ingot.Boot.Ipv6;
using Ingot.Core.Boot;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingot.Hosting;

/// <summary>
/// Ingot's DHCP server as a background service. It serves the boot interfaces registered as
/// <see cref="BootInterfaces"/> (none unless <c>serve --boot-interface</c> gives some) with the
/// configuration from <see cref="IDhcpConfigurationSource"/> (IPAM; an empty one until IPAM registers
/// its own) and the leases of <see cref="IDhcpLeaseStore"/>.
/// </summary>
public static class DhcpHosting
{
    public static IServiceCollection AddIngotDhcp(this IServiceCollection services)
    {
        services.TryAddSingleton(BootInterfaces.None);
        services.TryAddSingleton(DhcpServerSettings.Default);
        services.TryAddSingleton<IDhcpConfigurationSource>(new FixedDhcpConfigurationSource(DhcpConfiguration.Empty));
        services.AddHostedService<DhcpService>();
        services.AddHostedService<RouterAdvertisementService>();
        return services;
    }
}
