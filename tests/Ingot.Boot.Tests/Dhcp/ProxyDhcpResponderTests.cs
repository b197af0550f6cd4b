using System.Net;
using Ingot.Boot.Dhcp;

namespace Ingot.Boot.Tests.Dhcp;

public sealed class ProxyDhcpResponderTests
{
    private readonly ProxyDhcpResponder _proxy = new(DhcpBootSettings.Default);
    private readonly DhcpInterface _link = new("eth0", IPAddress.Parse("10.0.0.1"), IPNetwork.Parse("10.0.0.0/24"));

    [Fact]
    public void A_pxe_discover_on_port_67_gets_an_offer_without_an_address_but_with_the_boot_file()
    {
        DhcpPacket discover = DhcpCodec.Parse(GoldenPackets.UefiPxeDiscover).Packet!;

        DhcpPacket offer = _proxy.Respond(discover, _link, 67).Reply!;

        Assert.Equal(DhcpMessageType.Offer, offer.MessageType);
        Assert.Equal(IPAddress.Any, offer.YourAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), offer.ServerAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), offer.ServerIdentifier);
        Assert.Equal("ipxe.efi", offer.BootFile);
        Assert.Equal("PXEClient", offer.VendorClass);
        Assert.Equal(new byte[] { 6, 1, 8, 255 }, offer.Find(DhcpOptionCode.VendorSpecific));
        Assert.Null(offer.Find(DhcpOptionCode.LeaseTime));
    }

    [Fact]
    public void A_request_to_port_4011_is_acknowledged_with_the_same_boot_file_and_the_clients_address()
    {
        DhcpPacket request = DhcpCodec.Parse(GoldenPackets.UefiPxeDiscover).Packet! with { ClientAddress = IPAddress.Parse("10.0.0.77") };
        request = request with { Options = [new DhcpOption(DhcpOptionCode.MessageType, [3]), .. request.Options.Skip(1)] };

        DhcpPacket ack = _proxy.Respond(request, _link, ProxyDhcpResponder.PxePort).Reply!;

        Assert.Equal(DhcpMessageType.Ack, ack.MessageType);
        Assert.Equal("ipxe.efi", ack.BootFile);
        Assert.Equal(IPAddress.Parse("10.0.0.77"), ack.ClientAddress);
        Assert.Equal(IPAddress.Any, ack.YourAddress);
    }

    [Fact]
    public void An_ipxe_client_gets_its_script_url_from_the_proxy()
    {
        DhcpPacket ack = _proxy.Respond(DhcpCodec.Parse(GoldenPackets.IpxeBiosDiscover).Packet!, _link, 67).Reply!;

        Assert.Equal("http://10.0.0.1:5248/ipxe/boot.ipxe", ack.BootFile);
    }

    [Fact]
    public void Plain_dhcp_clients_and_requests_on_port_67_are_left_to_the_real_server()
    {
        DhcpPacket udhcpc = DhcpCodec.Parse(GoldenPackets.UdhcpcDiscover).Packet!;
        DhcpPacket pxe = DhcpCodec.Parse(GoldenPackets.UefiPxeDiscover).Packet!;
        DhcpPacket pxeRequest = pxe with { Options = [new DhcpOption(DhcpOptionCode.MessageType, [3]), .. pxe.Options.Skip(1)] };

        Assert.Null(_proxy.Respond(udhcpc, _link, 67).Reply);
        Assert.Null(_proxy.Respond(pxeRequest, _link, 67).Reply);
        Assert.Null(_proxy.Respond(pxe, _link, ProxyDhcpResponder.PxePort).Reply);
    }
}
