using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Ipv6;

/// <summary>
/// Runs a <see cref="RouterAdvertiser"/> on each boot interface when DHCP is authoritative there and
/// <see cref="DhcpServerSettings.RouterAdvertisements"/> is on (the default). Not in proxy mode: that
/// network has its own DHCP server and, if it has IPv6, its own routers.
/// </summary>
public sealed class RouterAdvertisementService(
    BootInterfaces interfaces,
    DhcpServerSettings settings,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<RouterAdvertisementService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!interfaces.Enabled || settings.Mode != DhcpMode.Authoritative || !settings.RouterAdvertisements)
        {
            return;
        }

        var advertisers = new List<RouterAdvertiser>();
        try
        {
            foreach (string name in interfaces.Names)
            {
                if (RouterAdvertiser.Open(name, time, _logger, out string reason) is { } advertiser)
                {
                    advertisers.Add(advertiser);
                    RouterAdvertisementLog.Listening(_logger, name);
                }
                else
                {
                    RouterAdvertisementLog.CannotListen(_logger, name, reason);
                }
            }

            await Task.WhenAll(advertisers.Select(a => a.RunAsync(stoppingToken)));
        }
        finally
        {
            advertisers.ForEach(a => a.Dispose());
        }
    }
}
