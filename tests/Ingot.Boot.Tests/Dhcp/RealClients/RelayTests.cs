using System.Net;
using System.Net.Sockets;
using Ingot.Boot.Dhcp;

namespace Ingot.Boot.Tests.Dhcp.RealClients;

/// <summary>
/// A relay agent in the client namespace: its link address 10.211.0.2 faces Ingot, its giaddr
/// 10.9.0.1 stands for the remote segment. It forwards a DISCOVER and a REQUEST as a relay does
/// (giaddr, hops, option 82) from port 67, and receives Ingot's unicast replies on giaddr:67.
/// </summary>
public sealed class RelayTests
{
    private static readonly IPAddress s_giaddr = IPAddress.Parse("10.9.0.1");

    [Fact]
    public async Task A_relayed_client_is_leased_an_address_from_the_subnet_of_giaddr_with_option_82_echoed()
    {
        UdhcpcTests.SkipUnlessAvailable();
        await using DhcpTestNetwork network = await DhcpTestNetwork.StartAsync();
        network.Client.Run("ip", "addr", "add", "10.211.0.2/24", "dev", network.ClientLink);
        network.Client.Run("ip", "addr", "add", $"{s_giaddr}/32", "dev", "lo");
        network.Server.Run("ip", "route", "add", "10.9.0.0/24", "via", "10.211.0.2");
        using Socket relay = network.Client.OpenSocket(() =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(s_giaddr, DhcpReplyRoute.ServerPort));
            return socket;
        });
        byte[] agent = [1, 6, .. "port-7"u8];
        var mac = Core.Hardware.MacAddress.Parse("52:54:00:99:00:01");
        DhcpPacket discover = DhcpScenario.Request(mac, DhcpMessageType.Discover, new DhcpOption(DhcpOptionCode.RelayAgentInformation, agent))
            with
        { RelayAddress = s_giaddr, Hops = 1, TransactionId = 0x5150 };

        DhcpPacket offer = await ExchangeAsync(relay, discover);
        DhcpPacket ack = await ExchangeAsync(relay, DhcpScenario.Request(
            mac, DhcpMessageType.Request, DhcpScenario.Requested(offer.YourAddress.ToString()), DhcpScenario.ServerId(DhcpTestNetwork.ServerAddress),
            new DhcpOption(DhcpOptionCode.RelayAgentInformation, agent)) with
        { RelayAddress = s_giaddr, Hops = 1, TransactionId = 0x5151 });

        Assert.Equal(DhcpMessageType.Offer, offer.MessageType);
        Assert.Equal(IPAddress.Parse("10.9.0.10"), offer.YourAddress);
        Assert.Equal(s_giaddr, offer.RelayAddress);
        Assert.Equal(agent, offer.RelayAgentInformation);
        Assert.Equal(new byte[] { 10, 9, 0, 1 }, offer.Find(DhcpOptionCode.Router));
        Assert.Equal((DhcpMessageType.Ack, IPAddress.Parse("10.9.0.10")), (ack.MessageType, ack.YourAddress));
        Assert.Equal(agent, ack.RelayAgentInformation);
        Assert.Equal(mac, network.Store.Leases[IPAddress.Parse("10.9.0.10")].Mac);
    }

    [Fact]
    public async Task Garbage_sent_to_the_listener_is_counted_and_it_keeps_answering()
    {
        UdhcpcTests.SkipUnlessAvailable();
        await using DhcpTestNetwork network = await DhcpTestNetwork.StartAsync();
        network.Client.Run("ip", "addr", "add", "10.211.0.2/24", "dev", network.ClientLink);
        network.Client.Run("ip", "addr", "add", $"{s_giaddr}/32", "dev", "lo");
        network.Server.Run("ip", "route", "add", "10.9.0.0/24", "via", "10.211.0.2");
        using Socket relay = network.Client.OpenSocket(() =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(s_giaddr, DhcpReplyRoute.ServerPort));
            return socket;
        });
        var server = new IPEndPoint(DhcpTestNetwork.ServerAddress, DhcpReplyRoute.ServerPort);

        await relay.SendToAsync(new byte[] { 1, 2, 3 }, server, TestContext.Current.CancellationToken);
        await relay.SendToAsync(new byte[400], server, TestContext.Current.CancellationToken);
        DhcpPacket offer = await ExchangeAsync(relay, DhcpScenario.Request(Core.Hardware.MacAddress.Parse("52:54:00:99:00:02"), DhcpMessageType.Discover) with { RelayAddress = s_giaddr });

        Assert.Equal(DhcpMessageType.Offer, offer.MessageType);
        Assert.Equal(2, network.Listener.MalformedCount);
        Assert.Equal(3, network.Listener.ReceivedCount);
    }

    private static async Task<DhcpPacket> ExchangeAsync(Socket relay, DhcpPacket request)
    {
        byte[] bytes = new byte[DhcpCodec.MaximumLength];
        int length = DhcpCodec.Write(request, bytes);
        await relay.SendToAsync(bytes.AsMemory(0, length), new IPEndPoint(DhcpTestNetwork.ServerAddress, DhcpReplyRoute.ServerPort), TestContext.Current.CancellationToken);
        byte[] buffer = new byte[1500];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                int received = await relay.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
                if (DhcpCodec.Parse(buffer.AsSpan(0, received)).Packet is { } reply && reply.TransactionId == request.TransactionId)
                {
                    return reply;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No reply to the relayed {request.MessageType} (xid {request.TransactionId:x}) reached giaddr {s_giaddr}:67 within 10 s.");
            throw;
        }
    }
}
