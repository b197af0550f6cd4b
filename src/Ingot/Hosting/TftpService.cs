using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Ingot.Boot.Dhcp;
using Ingot.Boot.Tftp;
using Ingot.Core.Boot;

namespace Ingot.Hosting;

/// <summary>
/// Runs the TFTP server on UDP 69 on every IPv4 address of the boot interfaces, serving the
/// first-stage files found on this host (Debian's <c>ipxe</c> package, <c>/usr/lib/ipxe</c>) and the
/// generated configs, which chain to HTTP boot on the port DHCP names (<see cref="DhcpBootSettings.HttpPort"/>). Off when no boot interface is
/// configured. Binding fails the host (fail fast).
/// </summary>
internal sealed partial class TftpService(BootInterfaces interfaces, DhcpServerSettings settings, TimeProvider time, ILoggerFactory loggers) : IHostedService
{
    public const int Port = 69;
    private readonly ILogger _logger = loggers.CreateLogger<TftpService>();
    private readonly List<TftpListener> _listeners = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!interfaces.Enabled && settings.LoopbackTftpPort is null)
        {
            Off(_logger);
            return Task.CompletedTask;
        }

        TftpFiles files = TftpConfigs.Standard(settings.Boot.HttpPort);
        string names = string.Join(", ", files.Names);
        Serving(_logger, names);
        IEnumerable<IPEndPoint> endpoints = Addresses(interfaces.Names).Select(a => new IPEndPoint(a, Port));
        if (settings.LoopbackTftpPort is { } loopbackPort)
        {
            endpoints = endpoints.Append(new IPEndPoint(IPAddress.Loopback, loopbackPort));
        }

        foreach (IPEndPoint endpoint in endpoints)
        {
            var listener = new TftpListener(endpoint, files, TftpLimits.Default, time, loggers.CreateLogger<TftpListener>());
            listener.Start();
            _listeners.Add(listener);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (TftpListener listener in _listeners)
        {
            await listener.DisposeAsync();
        }

        _listeners.Clear();
    }

    private static IEnumerable<IPAddress> Addresses(IReadOnlyList<string> names) =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => names.Contains(nic.Name))
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork);

    [LoggerMessage(Level = LogLevel.Information, Message = "TFTP is off: no boot interface is configured")]
    private static partial void Off(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "TFTP serves: {Files}")]
    private static partial void Serving(ILogger logger, string files);
}
