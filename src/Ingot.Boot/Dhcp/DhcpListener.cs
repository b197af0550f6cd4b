using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// The one piece of DHCP that touches a socket: receive a datagram, parse it, hand it to the
/// handler, send the reply where <see cref="DhcpReplyRoute"/> says. Malformed datagrams, packets
/// the handler does not answer and failures are counted (here and in <see cref="DhcpMetrics"/>) and
/// logged; nothing a client sends ends the loop. An answer that is not ready at once (its lease is
/// being stored) is sent when it is, while the loop receives on: at most
/// <see cref="MaximumPending"/> such answers wait at a time.
/// </summary>
public sealed class DhcpListener(Socket socket, DhcpInterface link, IDhcpHandler handler, ILogger logger) : IDisposable
{
    /// <summary>
    /// How many answers may wait for their lease to be stored while the listener receives on: four of
    /// the lease writer's batches (<see cref="DhcpLeaseWriter.MaximumBatch"/>). Only when that many ACKs
    /// wait does the listener stop reading, so under a storm with a slow store the DISCOVERs (which
    /// store nothing) are still answered; with 256 the loop stopped at the first quarter batch.
    /// </summary>
    public const int MaximumPending = 4 * DhcpLeaseWriter.MaximumBatch;

    // Never disposed: RunAsync still counts the waiting answers after Dispose has closed the socket.
    private readonly SemaphoreSlim _pending = new(MaximumPending, MaximumPending);
    private long _received;
    private long _malformed;
    private long _dropped;
    private long _sent;

    public DhcpInterface Interface => link;

    /// <summary>
    /// Answers relayed requests only (a loopback relay listener) and replies to <c>giaddr</c> on the
    /// port the relay sent from, which need not be 67 when the relay runs without root.
    /// </summary>
    public bool RelayedOnly { get; init; }

    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    public long ReceivedCount => Interlocked.Read(ref _received);

    public long MalformedCount => Interlocked.Read(ref _malformed);

    public long DroppedCount => Interlocked.Read(ref _dropped);

    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Serves until <paramref name="ct"/> is cancelled; never throws anything else.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await ReceiveAsync(ct);

        // Let the answers still waiting go out (or fail) before the socket closes.
        for (int i = 0; i < MaximumPending; i++)
        {
            if (!await _pending.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None))
            {
                break;
            }
        }
    }

    /// <summary>Closes the socket, which ends <see cref="RunAsync"/>.</summary>
    public void Dispose() => socket.Dispose();

    private async Task ReceiveAsync(CancellationToken ct)
    {
        byte[] buffer = new byte[2048];
        byte[] reply = new byte[DhcpCodec.MaximumLength];
        var anywhere = new IPEndPoint(IPAddress.Any, 0);
        int port = Port;
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, anywhere, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (ct.IsCancellationRequested || e is ObjectDisposedException
                    || (e is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted or SocketError.Shutdown }))
                {
                    // Closed or shut down: the listener is being stopped.
                    return;
                }

                DhcpLog.SocketError(logger, link.Name, e);
                continue;
            }

            await HandleAsync(buffer.AsMemory(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint, port, reply, ct);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> datagram, IPEndPoint sender, int port, byte[] reply, CancellationToken ct)
    {
        Interlocked.Increment(ref _received);
        DhcpMetrics.Received.Add(1, new TagList { { "interface", link.Name } });
        DhcpParseResult parsed = DhcpCodec.Parse(datagram.Span);
        if (parsed.Packet is not { } request)
        {
            Interlocked.Increment(ref _malformed);
            DhcpMetrics.Malformed.Add(1, new TagList { { "interface", link.Name }, { "error", parsed.Error.ToString() } });
            DhcpLog.Malformed(logger, link.Name, sender, parsed.Error);
            return;
        }

        if (RelayedOnly && !request.IsRelayed)
        {
            Interlocked.Increment(ref _dropped);
            DhcpLog.Dropped(logger, link.Name, request.MessageType, sender, "not relayed (this listener answers relays only)");
            return;
        }

        ValueTask<DhcpAnswer> answering;
        try
        {
            answering = handler.AnswerAsync(request, link, port, ct);
        }
        catch (Exception e)
        {
            Failed(sender, e);
            return;
        }

        if (answering.IsCompleted)
        {
            await FinishAsync(answering, request, sender, port, reply, ct);
            return;
        }

        try
        {
            await _pending.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _ = FinishLaterAsync(answering, request, sender, port, ct);
    }

    private async Task FinishLaterAsync(ValueTask<DhcpAnswer> answering, DhcpPacket request, IPEndPoint sender, int port, CancellationToken ct)
    {
        byte[] reply = ArrayPool<byte>.Shared.Rent(DhcpCodec.MaximumLength);
        try
        {
            await FinishAsync(answering, request, sender, port, reply, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(reply);
            _pending.Release();
        }
    }

    private async Task FinishAsync(ValueTask<DhcpAnswer> answering, DhcpPacket request, IPEndPoint sender, int port, byte[] reply, CancellationToken ct)
    {
        try
        {
            DhcpAnswer answer = await answering;
            if (answer.Reply is not { } packet)
            {
                Interlocked.Increment(ref _dropped);
                DhcpMetrics.Dropped.Add(1, new TagList { { "interface", link.Name } });
                if (answer.Change is null)
                {
                    DhcpLog.Dropped(logger, link.Name, request.MessageType, sender, answer.Reason);
                }
                else
                {
                    DhcpLog.Noted(logger, link.Name, answer.Reason);
                }

                return;
            }

            int length = DhcpCodec.Write(packet, reply);
            IPEndPoint destination = RelayedOnly
                ? new IPEndPoint(request.RelayAddress, sender.Port)
                : DhcpReplyRoute.For(request, packet, sender, port);
            await socket.SendToAsync(reply.AsMemory(0, length), SocketFlags.None, destination, ct);
            Interlocked.Increment(ref _sent);
            DhcpMetrics.Sent.Add(1, new TagList { { "interface", link.Name }, { "type", packet.MessageType.ToString() } });
            DhcpLog.Answered(logger, link.Name, answer.Reason, destination);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            Failed(sender, e);
        }
    }

    private void Failed(IPEndPoint sender, Exception e)
    {
        Interlocked.Increment(ref _dropped);
        DhcpMetrics.Dropped.Add(1, new TagList { { "interface", link.Name } });
        DhcpLog.Failed(logger, link.Name, sender, e);
    }
}
