using System.Net.NetworkInformation;
using Ingot.Boot.Dhcp;
using Ingot.CommandLine;
using Ingot.Core.Boot;
using Ingot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingot.Commands;

/// <summary>
/// <c>ingot serve</c>: migrates the schema, then runs the web host and the background jobs; the boot
/// services' interfaces come from <c>--boot-interface</c> or <c>$INGOT_BOOT_INTERFACES</c>.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5240";

    public static async Task<int> RunAsync(ParsedCommand command, TextWriter stdout, CancellationToken ct)
    {
        var location = DataLocation.Resolve(command.Get("data-dir"), command.Get("database"));
        string urls = BootHosting.WithBootUrls(command.Get("urls") ?? DefaultUrls, command.Get("boot-urls"));
        foreach (string url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"ingot serve: --urls '{url}' is not an http(s) URL", command.Spec);
            }
        }

        BootInterfaces boot = BootInterfaceSettings.Resolve(command.GetAll("boot-interface"), Environment.GetEnvironmentVariable(BootInterfaceSettings.Variable));
        IReadOnlyList<string> unknown = BootInterfaceSettings.Unknown(boot, NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name));
        if (unknown.Count > 0)
        {
            throw new UsageException($"ingot serve: --boot-interface: no such interface on this host: {string.Join(", ", unknown)}", command.Spec);
        }

        DhcpServerSettings dhcp = LoopbackBoot.Apply(BootHosting.DhcpSettings(BootHosting.HttpPort(command.Get("boot-urls"))), command.Get("loopback-boot"), command.Spec);
        await using WebApplication app = IngotWebHost.Build(location, urls, services =>
        {
            services.Replace(ServiceDescriptor.Singleton(boot));
            services.Replace(ServiceDescriptor.Singleton(dhcp));
            services.AddPowerExecution();
        });
        await IngotState.MigrateAsync(app.Services, ct);

        await app.StartAsync(ct);
        await stdout.WriteLineAsync(BootInterfaceSettings.Describe(boot));
        await stdout.WriteLineAsync($"Ingot serving on {urls} (data {location.DataDirectory}, database {IngotState.Describe(location)})");
        await stdout.FlushAsync(ct);
        await app.WaitForShutdownAsync(ct);
        return IngotCommandLine.Ok;
    }
}
