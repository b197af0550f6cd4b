using Ingot.Boot.Ipv6;
using Ingot.Boot.Tests.Dhcp.RealClients;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Boot.Tests.Ipv6;

/// <summary>
/// The Linux kernel of a client namespace solicits a router when its link comes up; Ingot's advertiser
/// on the other end of the veth answers, and the client kernel counts the advertisement it received
/// (<c>/proc/net/snmp6</c>, <c>Icmp6InRouterAdvertisements</c>).
/// </summary>
public sealed class RouterAdvertiserTests
{
    [Fact]
    public async Task A_client_that_solicits_a_router_receives_an_advertisement()
    {
        UdhcpcTests.SkipUnlessAvailable();
        await using DhcpTestNetwork network = await DhcpTestNetwork.StartAsync(serve: false);
        string serverLink = network.ServerLink;
        await Eventually.WaitAsync(
            () => !network.Server.Output("ip", "-6", "addr", "show", "dev", serverLink, "scope", "link").Contains("tentative", StringComparison.Ordinal)
                && network.Server.Output("ip", "-6", "addr", "show", "dev", serverLink, "scope", "link").Contains("fe80::", StringComparison.Ordinal),
            "the server link's IPv6 link-local address to be usable");
        string reason = "";
        using RouterAdvertiser advertiser = network.Server.Inside(() => RouterAdvertiser.Open(serverLink, TimeProvider.System, NullLogger.Instance, out reason))
            ?? throw new InvalidOperationException($"no advertiser on {serverLink}: {reason}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task running = advertiser.RunAsync(stop.Token);

        // Bring the client link down and up: its kernel solicits again once its link-local address is ready.
        network.Client.Run("ip", "link", "set", network.ClientLink, "down");
        network.Client.Run("ip", "link", "set", network.ClientLink, "up");
        await Eventually.WaitAsync(() => Counter(network, "Icmp6InRouterAdvertisements") >= 1, "the client to receive a router advertisement", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;

        Assert.True(Counter(network, "Icmp6OutRouterSolicits") >= 1, "the client kernel sent no router solicitation");
        Assert.DoesNotContain("default", network.Client.Output("ip", "-6", "route", "show"), StringComparison.Ordinal);
    }

    private static long Counter(DhcpTestNetwork network, string name) =>
        network.Client.Output("cat", "/proc/net/snmp6").Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields is [var key, _] && key == name)
            .Select(fields => long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
