using Ingot.Boot;
using Ingot.Boot.HttpBoot;
using Ingot.Core.Boot;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingot.Hosting;

/// <summary>
/// The rack's boot services in <c>ingot serve</c>: HTTP boot on MAAS's port 5248 (the same web host,
/// one more listening address) and TFTP when boot interfaces are configured.
/// </summary>
public static class BootHosting
{
    /// <summary>MAAS serves machines on port 5248 on every address.</summary>
    public static readonly string DefaultBootUrls = $"http://0.0.0.0:{BootServices.HttpPort}";

    public static IServiceCollection AddBootServices(IServiceCollection services)
    {
        services.TryAddSingleton(BootInterfaces.None);
        services.TryAddSingleton<IBootBackend, MachineBootBackend>();
        services.TryAddSingleton<IBootImageCatalog, NoBootImages>();
        services.AddHttpBoot();
        services.AddHostedService<TftpService>();
        return services;
    }

    public static void MapBootServices(WebApplication app) => app.MapHttpBoot();

    /// <summary><paramref name="urls"/> plus where HTTP boot listens (<c>--boot-urls</c>; <c>none</c> for nowhere else).</summary>
    public static string WithBootUrls(string urls, string? bootUrls) =>
        (bootUrls ?? DefaultBootUrls) is var boot && (boot == "none" || boot.Length == 0) ? urls : $"{urls};{boot}";
}
