using Ingot.Boot;
using Ingot.Boot.Dhcp;
using Ingot.Boot.HttpBoot;
using Ingot.Core.Boot;
using Ingot.Core.Config;
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
        services.TryAddSingleton(DhcpServerSettings.Default);
        services.TryAddSingleton<IBootBackend, MachineBootBackend>();
        services.TryAddSingleton<IBootDefaultsSource, ConfigBootDefaults>();
        services.AddHttpBoot();
        services.AddHostedService<TftpService>();
        return services;
    }

    public static void MapBootServices(WebApplication app) => app.MapHttpBoot();

    /// <summary>
    /// The port machines reach HTTP boot on, which DHCP and TFTP write into the URLs they hand out: the
    /// port of the first <c>--boot-urls</c> URL, else MAAS's 5248.
    /// </summary>
    public static int HttpPort(string? bootUrls)
    {
        string? first = (bootUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null || first == "none" ||
            !Uri.TryCreate(first.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri)
            ? BootServices.HttpPort
            : uri.Port;
    }

    /// <summary>DHCP's (and TFTP's) settings with HTTP boot on <paramref name="httpPort"/>.</summary>
    public static DhcpServerSettings DhcpSettings(int httpPort) =>
        DhcpServerSettings.Default with { Boot = DhcpServerSettings.Default.Boot with { HttpPort = httpPort } };

    /// <summary><paramref name="urls"/> plus where HTTP boot listens (<c>--boot-urls</c>; <c>none</c> for nowhere else).</summary>
    public static string WithBootUrls(string urls, string? bootUrls) =>
        (bootUrls ?? DefaultBootUrls) is var boot && (boot == "none" || boot.Length == 0) ? urls : $"{urls};{boot}";
}
