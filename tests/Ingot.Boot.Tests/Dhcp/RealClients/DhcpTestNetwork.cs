using System.Net;
using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Boot.Tests.Dhcp.RealClients;

/// <summary>
/// Two namespaces joined by a veth pair: the server side (10.211.0.1/24) where Ingot's DHCP listener
/// runs in this process on a socket opened inside that namespace, and the client side (no address)
/// where real clients run through <c>ip netns exec</c>. Nothing is added to the root namespace.
/// Leases go to a <see cref="MemoryLeaseStore"/> that outlives <see cref="RestartServerAsync"/>.
/// </summary>
internal sealed class DhcpTestNetwork : IAsyncDisposable
{
    public static readonly IPAddress ServerAddress = IPAddress.Parse("10.211.0.1");

    private readonly CancellationTokenSource _stop = new();
    private DhcpListener? _listener;
    private DhcpServer? _server;
    private Task? _running;
    private readonly List<(DhcpListener Listener, Task Running)> _extra = [];

    private DhcpTestNetwork(NetworkNamespace server, NetworkNamespace client, string serverLink, string clientLink)
    {
        Server = server;
        Client = client;
        ServerLink = serverLink;
        ClientLink = clientLink;
        Directory = System.IO.Directory.CreateTempSubdirectory("ingot-dhcp-");
    }

    public NetworkNamespace Server { get; }

    public NetworkNamespace Client { get; }

    public string ServerLink { get; }

    public string ClientLink { get; }

    /// <summary>A scratch directory for client scripts, lease files and their output.</summary>
    public DirectoryInfo Directory { get; }

    public MemoryLeaseStore Store { get; } = new();

    public DhcpListener Listener => _listener ?? throw new InvalidOperationException("The server is not running.");

    public DhcpConfiguration Configuration { get; } = new(
        [
            new DhcpSubnet(
                IPNetwork.Parse("10.211.0.0/24"), ServerAddress, [ServerAddress], "maas",
                [new AddressRange(IPAddress.Parse("10.211.0.100"), IPAddress.Parse("10.211.0.150"))], [], TimeSpan.FromHours(1)),
            new DhcpSubnet(
                IPNetwork.Parse("10.9.0.0/24"), IPAddress.Parse("10.9.0.1"), [], "",
                [new AddressRange(IPAddress.Parse("10.9.0.10"), IPAddress.Parse("10.9.0.20"))], [], TimeSpan.FromMinutes(30)),
        ],
        []);

    /// <summary>Starts the network with the authoritative server listening (or nothing, when <paramref name="serve"/> is false).</summary>
    public static async Task<DhcpTestNetwork> StartAsync(bool serve = true)
    {
        string suffix = Guid.NewGuid().ToString("N")[..6];
        NetworkNamespace server = NetworkNamespace.Create("srv");
        NetworkNamespace? client = null;
        try
        {
            client = NetworkNamespace.Create("cli");
            string serverLink = $"dhs{suffix}";
            string clientLink = $"dhc{suffix}";
            NetworkNamespace.Ip("link", "add", serverLink, "type", "veth", "peer", "name", clientLink);
            NetworkNamespace.Ip("link", "set", serverLink, "netns", server.Name);
            NetworkNamespace.Ip("link", "set", clientLink, "netns", client.Name);
            server.Run("ip", "addr", "add", $"{ServerAddress}/24", "dev", serverLink);
            server.Run("ip", "link", "set", serverLink, "up");
            client.Run("ip", "link", "set", clientLink, "up");
            var network = new DhcpTestNetwork(server, client, serverLink, clientLink);
            if (serve)
            {
                await network.RestartServerAsync();
            }

            return network;
        }
        catch
        {
            client?.Dispose();
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops the listener (if running) and starts a new server that loads the stored leases.</summary>
    public async Task RestartServerAsync()
    {
        await StopServerAsync();
        _server = new DhcpServer(new FixedDhcpConfigurationSource(Configuration), Store, new DhcpResponder(DhcpBootSettings.Default), TimeProvider.System);
        await _server.LoadAsync(CancellationToken.None);
        var link = new DhcpInterface(ServerLink, ServerAddress, IPNetwork.Parse("10.211.0.0/24"));
        _listener = new DhcpListener(Server.OpenSocket(() => DhcpSocket.Open(ServerLink, DhcpReplyRoute.ServerPort)), link, _server, NullLogger.Instance);
        _running = _listener.RunAsync(_stop.Token);
    }

    /// <summary>A listener on the server side with <paramref name="handler"/> on <paramref name="port"/>, run until the network is disposed.</summary>
    public DhcpListener Listen(IDhcpHandler handler, int port)
    {
        var link = new DhcpInterface(ServerLink, ServerAddress, IPNetwork.Parse("10.211.0.0/24"));
        var listener = new DhcpListener(Server.OpenSocket(() => DhcpSocket.Open(ServerLink, port)), link, handler, NullLogger.Instance);
        _extra.Add((listener, listener.RunAsync(_stop.Token)));
        return listener;
    }

    /// <summary>The client end's MAC, as the kernel made it.</summary>
    public Core.Hardware.MacAddress ClientMac() => Core.Hardware.MacAddress.Parse(Client.Output("cat", $"/sys/class/net/{ClientLink}/address").Trim());

    public string Write(string name, string text)
    {
        string path = Path.Combine(Directory.FullName, name);
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public string Read(string name)
    {
        string path = Path.Combine(Directory.FullName, name);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        foreach ((DhcpListener listener, Task running) in _extra)
        {
            listener.Dispose();
            await running;
        }

        _stop.Dispose();
        Client.Dispose();
        Server.Dispose();
        Directory.Delete(recursive: true);
    }

    private async Task StopServerAsync()
    {
        if (_listener is null)
        {
            return;
        }

        // Closing the socket ends the receive loop.
        _listener.Dispose();
        await _running!;
        _server!.Dispose();
        _listener = null;
    }
}
