using System.Net;
using Ingot.Boot.Dhcp;

namespace Ingot.Boot.Tests.Dhcp;

public sealed class DhcpReplyRouteTests
{
    private static readonly IPEndPoint s_sender = new(IPAddress.Parse("10.0.0.77"), 68);
    private static readonly DhcpPacket s_offer = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Offer);
    private static readonly DhcpPacket s_nak = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Nak);

    [Fact]
    public void A_relayed_request_is_answered_to_the_relays_server_port()
    {
        DhcpPacket request = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover) with { RelayAddress = IPAddress.Parse("10.9.0.1") };

        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.9.0.1"), 67), DhcpReplyRoute.For(request, s_offer, s_sender, 67));
    }

    [Fact]
    public void A_client_with_an_address_is_answered_there_and_one_without_by_broadcast()
    {
        DhcpPacket renewing = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request) with { ClientAddress = IPAddress.Parse("10.0.0.77") };
        DhcpPacket discover = DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Discover);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.77"), 68), DhcpReplyRoute.For(renewing, s_offer, s_sender, 67));
        Assert.Equal(new IPEndPoint(IPAddress.Broadcast, 68), DhcpReplyRoute.For(discover, s_offer, s_sender, 67));
        Assert.Equal(new IPEndPoint(IPAddress.Broadcast, 68), DhcpReplyRoute.For(renewing, s_nak, s_sender, 67));
    }

    [Fact]
    public void A_request_at_the_pxe_port_is_answered_to_its_sender()
    {
        var sender = new IPEndPoint(IPAddress.Parse("10.0.0.77"), 4011);

        Assert.Equal(sender, DhcpReplyRoute.For(DhcpScenario.Request(DhcpScenario.Mac(1), DhcpMessageType.Request), s_offer, sender, 4011));
    }
}
