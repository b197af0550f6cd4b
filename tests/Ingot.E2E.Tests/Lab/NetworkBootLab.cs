using System.Text.Json;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// One Ingot set up as an operator sets it up for network boots, shared by the boot tests of a class:
/// the ephemeral image built and registered (<c>ingot add-ephemeral-image</c>), an admin with an API key,
/// <c>ingot serve</c> with its boot services on a <see cref="BootNetwork"/>, and through the REST API the
/// commissioning image chosen (<c>commissioning_osystem</c>, <c>commissioning_distro_series</c>), the
/// kernel console on the serial port (<c>kernel_opts</c>), the
/// network's subnet with a dynamic range, and DHCP on its VLAN with this rack as primary. Started on
/// first use (after the test checked the host can run it), torn down with the class.
/// </summary>
public sealed class NetworkBootLab : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _networkPrefix;
    private BootNetwork? _network;
    private IngotServer? _server;
    private Exception? _setUpFailed;

    public NetworkBootLab()
        : this("e2e")
    {
    }

    /// <summary>A lab whose network is named with <paramref name="networkPrefix"/> (see <see cref="BootNetwork.CreateAsync"/>).</summary>
    internal NetworkBootLab(string networkPrefix)
    {
        _networkPrefix = networkPrefix;
    }

    internal BootNetwork Network => _network ?? throw new InvalidOperationException("the lab is not started");

    internal IngotServer Server => _server ?? throw new InvalidOperationException("the lab is not started");

    /// <summary>The admin's API key (<c>consumer:token:secret</c>).</summary>
    internal string ApiKey { get; private set; } = "";

    /// <summary>Where the test logs (VM consoles, ingot's output) are kept: next to the test binaries.</summary>
    public static string LogDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "e2e-logs")).FullName;

    internal async Task StartAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_setUpFailed is not null)
            {
                throw new InvalidOperationException($"The network boot lab could not be set up: {_setUpFailed.Message}", _setUpFailed);
            }

            if (_server is null)
            {
                try
                {
                    await SetUpAsync();
                }
                catch (Exception e)
                {
                    _setUpFailed = e;
                    throw;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(LogDirectory, "ingot-serve.log"), _server.Output, CancellationToken.None);
            await _server.DisposeAsync();
        }

        if (_network is not null)
        {
            await _network.DisposeAsync();
        }

        _gate.Dispose();
    }

    private async Task SetUpAsync()
    {
        string image = await EphemeralImage.DirectoryAsync();
        var server = IngotServer.Create();
        _server = server;
        await server.RunAsync("createadmin", "--username", "admin", "--password", "e2e-admin", "--email", "admin@example.com");
        string key = (await server.RunAsync("apikey", "--username", "admin")).Trim();
        ApiKey = key;
        await server.RunAsync("add-ephemeral-image", "--dir", image);

        _network = await BootNetwork.CreateAsync(_networkPrefix);
        await server.ServeAsync(_network, TimeSpan.FromSeconds(90));

        using var maas = new MaasClient(server.ApiUrl, key);
        await maas.PostAsync("maas/?op=set_config", ("name", "commissioning_osystem"), ("value", "ingot"));
        await maas.PostAsync("maas/?op=set_config", ("name", "commissioning_distro_series"), ("value", "ephemeral"));
        await maas.PostAsync("maas/?op=set_config", ("name", "kernel_opts"), ("value", "console=ttyS0,115200"));
        JsonElement subnet = await maas.PostAsync("subnets/", ("cidr", _network.Subnet), ("gateway_ip", _network.ServerAddress.ToString()));
        await maas.PostAsync("ipranges/", ("type", "dynamic"), ("start_ip", _network.Address(100).ToString()), ("end_ip", _network.Address(199).ToString()));
        string rack = (await maas.GetAsync("rackcontrollers/"))[0].GetProperty("system_id").GetString()!;
        JsonElement vlan = subnet.GetProperty("vlan");
        await maas.PutAsync(
            $"fabrics/{vlan.GetProperty("fabric_id").GetInt64()}/vlans/{vlan.GetProperty("vid").GetInt64()}/",
            ("dhcp_on", "true"),
            ("primary_rack", rack));
    }
}
