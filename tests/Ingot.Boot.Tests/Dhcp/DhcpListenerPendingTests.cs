using System.Net;
using System.Net.Sockets;
using Ingot.Boot.Dhcp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Boot.Tests.Dhcp;

/// <summary>
/// Under a storm the store is slow and many ACKs wait for their leases to be stored; the listener
/// must go on reading, so DISCOVERs (which store nothing) are still answered meanwhile.
/// </summary>
public sealed class DhcpListenerPendingTests
{
    private const int HeldRequests = 600;
    private const uint DiscoverXid = 0xD15C;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_discover_is_answered_while_six_hundred_acks_wait_for_the_store_and_every_ack_goes_out_afterwards()
    {
        var handler = new HoldingHandler();
        using Socket serverSocket = DhcpSocket.OpenLoopback(0);
        var listener = new DhcpListener(serverSocket, DhcpInterface.Loopback, handler, NullLogger.Instance) { RelayedOnly = true };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task serving = listener.RunAsync(stop.Token);
        using var relay = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        relay.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        relay.ReceiveBufferSize = 4 * 1024 * 1024;
        var server = new IPEndPoint(IPAddress.Loopback, listener.Port);
        try
        {
            for (uint i = 1; i <= HeldRequests; i++)
            {
                await SendAsync(relay, server, i, DhcpMessageType.Request);
            }

            await SendAsync(relay, server, DiscoverXid, DhcpMessageType.Discover);
            var answered = new HashSet<uint>();
            await ReceiveUntilAsync(relay, answered, () => answered.Contains(DiscoverXid), "the OFFER to the DISCOVER sent after the held REQUESTs");
            Assert.Equal([DiscoverXid], answered);
            Assert.Equal(HeldRequests, handler.Held);

            handler.Store.SetResult();
            await ReceiveUntilAsync(relay, answered, () => answered.Count == HeldRequests + 1, $"the {HeldRequests} ACKs once their leases were stored");
            Assert.Equal(HeldRequests + 1, answered.Count);
        }
        finally
        {
            handler.Store.TrySetResult();
            await stop.CancelAsync();
            listener.Dispose();
            await serving;
        }
    }

    private static async Task SendAsync(Socket relay, IPEndPoint server, uint xid, DhcpMessageType type)
    {
        var packet = new DhcpPacket
        {
            TransactionId = xid,
            RelayAddress = IPAddress.Loopback,
            Hops = 1,
            ClientHardwareAddress = [0x52, 0x54, 0, (byte)(xid >> 16), (byte)(xid >> 8), (byte)xid, .. new byte[10]],
            Options = [new DhcpOption(DhcpOptionCode.MessageType, [(byte)type])],
        };
        byte[] buffer = new byte[DhcpCodec.MaximumLength];
        int length = DhcpCodec.Write(packet, buffer);
        await relay.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, server, Ct);
    }

    private static async Task ReceiveUntilAsync(Socket relay, HashSet<uint> answered, Func<bool> done, string what)
    {
        byte[] buffer = new byte[2048];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        while (!done())
        {
            try
            {
                SocketReceiveFromResult got = await relay.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), limit.Token);
                if (DhcpCodec.Parse(buffer.AsSpan(0, got.ReceivedBytes)).Packet is { } reply)
                {
                    answered.Add(reply.TransactionId);
                }
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"Waited 20 s for {what}; {answered.Count} answers arrived.");
            }
        }
    }

    /// <summary>Answers a DISCOVER at once; a REQUEST's ACK waits for <see cref="Store"/>, as for a slow lease store.</summary>
    private sealed class HoldingHandler : IDhcpHandler
    {
        private int _held;

        public TaskCompletionSource Store { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Held => Volatile.Read(ref _held);

        public ValueTask<DhcpAnswer> AnswerAsync(DhcpPacket request, DhcpInterface link, int localPort, CancellationToken ct)
        {
            DhcpMessageType type = request.MessageType == DhcpMessageType.Discover ? DhcpMessageType.Offer : DhcpMessageType.Ack;
            var reply = new DhcpAnswer(
                request with { Operation = DhcpPacket.BootReply, Options = [new DhcpOption(DhcpOptionCode.MessageType, [(byte)type])] }, null, type.ToString());
            if (type == DhcpMessageType.Offer)
            {
                return ValueTask.FromResult(reply);
            }

            Interlocked.Increment(ref _held);
            return new ValueTask<DhcpAnswer>(AnswerLaterAsync(reply));
        }

        private async Task<DhcpAnswer> AnswerLaterAsync(DhcpAnswer reply)
        {
            await Store.Task;
            return reply;
        }
    }
}
