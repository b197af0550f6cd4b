using System.Net;
using System.Net.Sockets;
using Ingot.Boot.Dhcp;

namespace Ingot.Boot.Tests.Dhcp.RealClients;

/// <summary>
/// Proxy DHCP on its two ports: a PXE client (a socket on port 68 in the client namespace) broadcasts
/// a DISCOVER and hears the broadcast proxy OFFER, then asks port 4011 and is answered there.
/// </summary>
public sealed class ProxyDhcpListenerTests
{
    [Fact]
    public async Task A_pxe_client_hears_a_broadcast_proxy_offer_and_gets_its_boot_file_from_port_4011()
    {
        UdhcpcTests.SkipUnlessAvailable();
        await using DhcpTestNetwork network = await DhcpTestNetwork.StartAsync(serve: false);
        network.Client.Run("ip", "addr", "add", "10.211.0.77/24", "dev", network.ClientLink);
        var proxy = new ProxyDhcpServer(new ProxyDhcpResponder(DhcpBootSettings.Default));
        DhcpListener onDhcpPort = network.Listen(proxy, DhcpReplyRoute.ServerPort);
        DhcpListener onPxePort = network.Listen(proxy, ProxyDhcpResponder.PxePort);
        string clientLink = network.ClientLink;
        using Socket client = network.Client.OpenSocket(() =>
        {
            Socket socket = DhcpSocket.Open(clientLink, DhcpReplyRoute.ClientPort);
            return socket;
        });
        DhcpPacket discover = DhcpCodec.Parse(GoldenPackets.UefiPxeDiscover).Packet! with { ClientHardwareAddress = Chaddr(network) };
        DhcpPacket request = discover with
        {
            TransactionId = 8,
            ClientAddress = IPAddress.Parse("10.211.0.77"),
            Options = [new DhcpOption(DhcpOptionCode.MessageType, [3]), .. discover.Options.Skip(1)],
        };

        DhcpPacket offer = await ExchangeAsync(client, discover, new IPEndPoint(IPAddress.Broadcast, DhcpReplyRoute.ServerPort));
        DhcpPacket ack = await ExchangeAsync(client, request, new IPEndPoint(DhcpTestNetwork.ServerAddress, ProxyDhcpResponder.PxePort));

        Assert.Equal((DhcpMessageType.Offer, IPAddress.Any, "ipxe.efi"), (offer.MessageType, offer.YourAddress, offer.BootFile));
        Assert.Equal("PXEClient", offer.VendorClass);
        Assert.Equal((DhcpMessageType.Ack, "ipxe.efi"), (ack.MessageType, ack.BootFile));
        Assert.Equal(DhcpTestNetwork.ServerAddress, ack.ServerAddress);

        // A listener counts an answer after its send returns, so the client may read it first.
        for (int attempt = 0; attempt < 100 && (onDhcpPort.SentCount, onPxePort.SentCount) != (1, 1); attempt++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal((1, 1), (onDhcpPort.SentCount, onPxePort.SentCount));
    }

    private static byte[] Chaddr(DhcpTestNetwork network) =>
        [.. Convert.FromHexString(network.ClientMac().ToString().Replace(":", "", StringComparison.Ordinal)), .. new byte[10]];

    private static async Task<DhcpPacket> ExchangeAsync(Socket client, DhcpPacket request, IPEndPoint to)
    {
        byte[] bytes = new byte[DhcpCodec.MaximumLength];
        int length = DhcpCodec.Write(request, bytes);
        await client.SendToAsync(bytes.AsMemory(0, length), to, TestContext.Current.CancellationToken);
        byte[] buffer = new byte[1500];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                SocketReceiveFromResult received = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), limit.Token);
                if (DhcpCodec.Parse(buffer.AsSpan(0, received.ReceivedBytes)).Packet is { Operation: DhcpPacket.BootReply } reply && reply.TransactionId == request.TransactionId)
                {
                    return reply;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No proxy reply to the {request.MessageType} sent to {to} reached the client within 10 s.");
            throw;
        }
    }
}
