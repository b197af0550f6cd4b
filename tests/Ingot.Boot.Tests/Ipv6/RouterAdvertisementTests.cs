using Ingot.Boot.Ipv6;

namespace Ingot.Boot.Tests.Ipv6;

public sealed class RouterAdvertisementTests
{
    [Fact]
    public void The_advertisement_announces_no_router_no_prefix_and_no_dhcpv6()
    {
        byte[] packet = new byte[64];
        packet.AsSpan().Fill(0xff);

        int length = RouterAdvertisement.Write(packet);

        // type 134, code 0, checksum (kernel), hop limit 0, M/O flags 0, router lifetime 0, reachable 0, retrans 0.
        Assert.Equal(16, length);
        Assert.Equal([134, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], packet[..length]);
    }

    [Fact]
    public void A_solicitation_with_a_source_link_layer_address_option_is_one()
    {
        byte[] solicitation = [133, 0, 0x12, 0x34, 0, 0, 0, 0, 1, 1, 0x52, 0x54, 0, 0xe2, 0xe0, 1];

        Assert.True(RouterAdvertisement.IsSolicitation(solicitation));
    }

    [Theory]
    [InlineData(new byte[] { 133, 0, 0, 0 })]
    [InlineData(new byte[] { 134, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 133, 1, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 133, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 133, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 133, 0, 0, 0, 0, 0, 0, 0, 1 })]
    public void Anything_else_is_not_a_solicitation(byte[] packet) =>
        Assert.False(RouterAdvertisement.IsSolicitation(packet));

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(4);
        byte[] buffer = new byte[80];
        for (int i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            buffer[0] = (byte)(i % 2 == 0 ? 133 : buffer[0]);
            buffer[1] = 0;
            _ = RouterAdvertisement.IsSolicitation(buffer.AsSpan(0, random.Next(buffer.Length)));
        }

        Assert.True(RouterAdvertisement.IsSolicitation([133, 0, 0, 0, 0, 0, 0, 0]));
    }
}
