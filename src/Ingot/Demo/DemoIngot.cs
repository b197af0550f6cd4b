using System.Net;
using System.Security.Cryptography;
using Ingot.Boot.Dhcp;
using Ingot.Commands;
using Ingot.Hosting;
using Ingot.Sim.Boot;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingot.Demo;

/// <summary>
/// The Ingot the demo runs: a fresh SQLite state in <c>DATA/demo</c>, an administrator with a new
/// password and API key, the simulated machines' boot images (<c>ingot/sim</c> for commissioning and
/// <c>ubuntu/noble</c> for the installer: placeholder kernel and initrd), and <c>serve</c>'s web host on loopback with DHCP (relayed only) and TFTP on free loopback
/// ports, HTTP boot on the API's port, and the power executor.
/// </summary>
public sealed class DemoIngot : IAsyncDisposable
{
    public const string AdminName = "admin";
    public const string ImageOsystem = "ingot";
    public const string ImageSeries = "sim";
    public const string DeployImage = "ubuntu/noble";

    private DemoIngot(WebApplication app, Uri url, string password, string apiKey, SimNetwork network, string dataDirectory)
    {
        App = app;
        Url = url;
        Password = password;
        ApiKey = apiKey;
        Network = network;
        DataDirectory = dataDirectory;
    }

    public WebApplication App { get; }

    public Uri Url { get; }

    public string Password { get; }

    public string ApiKey { get; }

    public SimNetwork Network { get; }

    public string DataDirectory { get; }

    /// <summary>Starts it; <paramref name="time"/> replaces Ingot's clock (tests move it to expire a status).</summary>
    public static async Task<DemoIngot> StartAsync(string dataDirectory, int port, bool quiet, CancellationToken ct, TimeProvider? time = null)
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        string password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('/', 'x').Replace('+', 'y');
        string[] common = ["--data-dir", dataDirectory];
        await RunAsync(["createadmin", "--username", AdminName, "--password", password, "--email", "admin@ingot.invalid", .. common], ct);
        string apiKey = (await RunAsync(["apikey", "--username", AdminName, .. common], ct)).Trim();

        string image = Path.Combine(dataDirectory, "sim-image");
        Directory.CreateDirectory(image);
        await File.WriteAllTextAsync(Path.Combine(image, "vmlinuz"), "Ingot simulated kernel\n", ct);
        await File.WriteAllTextAsync(Path.Combine(image, "initrd.img"), "Ingot simulated initrd\n", ct);
        await RunAsync(["add-ephemeral-image", "--dir", image, "--name", $"{ImageOsystem}/{ImageSeries}", .. common], ct);

        // What deployments install (MAAS's default_osystem/default_distro_series): the installer boots it.
        await RunAsync(["add-ephemeral-image", "--dir", image, "--name", DeployImage, .. common], ct);

        int dhcpPort = FreePorts.Udp();
        int tftpPort = FreePorts.Udp();
        var location = DataLocation.Resolve(dataDirectory, null);
        DhcpServerSettings dhcp = BootHosting.DhcpSettings(port) with { LoopbackRelayPort = dhcpPort, LoopbackTftpPort = tftpPort };
        WebApplication app = IngotWebHost.Build(location, $"http://127.0.0.1:{port}", services =>
        {
            services.Replace(ServiceDescriptor.Singleton(dhcp));
            services.AddPowerExecution();
            if (time is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(time));
            }

            if (quiet)
            {
                services.AddLogging(logging => logging.ClearProviders());
            }
        });
        await IngotState.MigrateAsync(app.Services, ct);
        await app.StartAsync(ct);
        var network = new SimNetwork(new IPEndPoint(IPAddress.Loopback, dhcpPort), new IPEndPoint(IPAddress.Loopback, tftpPort));
        return new DemoIngot(app, new Uri($"http://127.0.0.1:{port}/"), password, apiKey, network, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    private static async Task<string> RunAsync(string[] args, CancellationToken ct)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await IngotCommandLine.RunAsync(args, stdout, stderr, ct);
        return exit == IngotCommandLine.Ok
            ? stdout.ToString()
            : throw new InvalidOperationException($"ingot {args[0]} failed ({exit}): {stderr}{stdout}");
    }
}
