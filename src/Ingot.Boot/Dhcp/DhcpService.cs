using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Ingot.Core.Boot;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// Runs the DHCP listeners: one per boot interface on port 67 (authoritative), or on ports 67 and
/// 4011 (proxy). Off when no boot interface is configured. Stored leases are loaded before the
/// first packet is answered. An interface that is missing, has no IPv4 address or whose port cannot
/// be bound is logged and skipped; the others still serve. On a database other regions share, the leases
/// they bind are read into this server's table every <see cref="DhcpServer.SyncInterval"/>.
/// </summary>
public sealed class DhcpService(
    BootInterfaces interfaces,
    DhcpServerSettings settings,
    IDhcpConfigurationSource configuration,
    IDhcpLeaseStore leases,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<DhcpService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!interfaces.Enabled && settings.LoopbackRelayPort is null)
        {
            DhcpLog.Off(_logger);
            return;
        }

        using var server = new DhcpServer(configuration, leases, new DhcpResponder(settings.Boot), time);
        IDhcpHandler handler = settings.Mode == DhcpMode.Proxy ? new ProxyDhcpServer(new ProxyDhcpResponder(settings.Boot)) : server;
        if (settings.Mode == DhcpMode.Authoritative)
        {
            int loaded = await server.LoadAsync(stoppingToken);
            DhcpLog.Loaded(_logger, loaded);
        }

        using var stopSharing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task sharing = settings.Mode == DhcpMode.Authoritative && leases.IsShared ? ShareAsync(server, stopSharing.Token) : Task.CompletedTask;
        int[] ports = settings.Mode == DhcpMode.Proxy ? [DhcpReplyRoute.ServerPort, ProxyDhcpResponder.PxePort] : [DhcpReplyRoute.ServerPort];
        var listeners = new List<DhcpListener>();
        try
        {
            foreach (string name in interfaces.Names)
            {
                if (Find(name) is not { } link)
                {
                    DhcpLog.CannotListen(_logger, name, "no such interface with an IPv4 address");
                    continue;
                }

                foreach (int port in ports)
                {
                    try
                    {
                        listeners.Add(new DhcpListener(DhcpSocket.Open(name, port), link, handler, loggers.CreateLogger<DhcpListener>()));
                        DhcpLog.Listening(_logger, settings.Mode, name, link.Address, port);
                    }
                    catch (SocketException e)
                    {
                        DhcpLog.CannotListen(_logger, name, $"port {port}: {e.Message}");
                    }
                }
            }

            if (settings.LoopbackRelayPort is { } relayPort)
            {
                try
                {
                    listeners.Add(new DhcpListener(DhcpSocket.OpenLoopback(relayPort), DhcpInterface.Loopback, handler, loggers.CreateLogger<DhcpListener>()) { RelayedOnly = true });
                    DhcpLog.Listening(_logger, settings.Mode, DhcpInterface.Loopback.Name, DhcpInterface.Loopback.Address, relayPort);
                }
                catch (SocketException e)
                {
                    DhcpLog.CannotListen(_logger, DhcpInterface.Loopback.Name, $"port {relayPort}: {e.Message}");
                }
            }

            await Task.WhenAll(listeners.Select(l => l.RunAsync(stoppingToken)));
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
            await stopSharing.CancelAsync();
            await sharing;
        }
    }

    /// <summary>Runs <see cref="DhcpServer.SyncAsync"/> every <see cref="DhcpServer.SyncInterval"/> until stopped; a failed read is logged and tried again.</summary>
    private async Task ShareAsync(DhcpServer server, CancellationToken ct)
    {
        DhcpLog.Sharing(_logger, DhcpServer.SyncInterval);
        using var timer = new PeriodicTimer(DhcpServer.SyncInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await server.SyncAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    DhcpLog.SyncFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>The interface named <paramref name="name"/> with its first IPv4 address, or null.</summary>
    public static DhcpInterface? Find(string name)
    {
        NetworkInterface? nic = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == name);
        UnicastIPAddressInformation? v4 = nic?.GetIPProperties().UnicastAddresses
            .FirstOrDefault(a => a.Address.AddressFamily == AddressFamily.InterNetwork);
        return v4 is null ? null : new DhcpInterface(name, v4.Address, new IPNetwork(Masked(v4.Address, v4.PrefixLength), v4.PrefixLength));
    }

    private static IPAddress Masked(IPAddress address, int prefixLength)
    {
        uint mask = prefixLength == 0 ? 0 : uint.MaxValue << (32 - prefixLength);
        return Ipv4.FromNumber(Ipv4.ToNumber(address) & mask);
    }
}
