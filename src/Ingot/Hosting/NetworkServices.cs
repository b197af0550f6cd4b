using System.Net;
using System.Net.NetworkInformation;
using Ingot.Core.Boot;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingot.Hosting;

/// <summary>
/// The network model's services for the rack side: the DHCP configuration from IPAM (with this host's
/// own address on a subnet as its DNS server when the subnet names none) and the boot interfaces
/// (none unless <c>serve</c> was given some).
/// </summary>
public static class NetworkServices
{
    public static IServiceCollection AddNetworkServices(this IServiceCollection services)
    {
        services.TryAddSingleton<NetworkModelVersion>();
        services.TryAddSingleton(BootInterfaces.None);
        services.TryAddSingleton<IDhcpConfigurationSource>(sp => new NetworkDhcpConfiguration(
            sp.GetRequiredService<INetworkStore>(),
            sp.GetRequiredService<IMachineStore>(),
            sp.GetRequiredService<NetworkModelVersion>(),
            HostAddressOn));
        return services;
    }

    /// <summary>This host's first address inside <paramref name="network"/>, if it has one.</summary>
    private static IPAddress? HostAddressOn(IPNetwork network) =>
        NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(network.Contains);
}
