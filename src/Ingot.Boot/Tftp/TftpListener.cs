using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Tftp;

/// <summary>
/// The TFTP server on one address: receives requests on the server port (69), asks
/// <see cref="TftpResponder"/> what to do, and runs each transfer on its own socket with a fresh port
/// (the transfer id of RFC 1350 §4). Owns the sockets and the clock, nothing else: all protocol
/// decisions are the responder's and <see cref="TftpTransfer"/>'s. Malformed datagrams are dropped and
/// counted; no exception leaves the receive loops. At most <c>maxTransfers</c> transfers (one socket each)
/// run at once; a request beyond that is refused with "Server busy", which makes a PXE client start its
/// boot again. The default (4,096) lets every machine of a large rack boot at once on a stalled server
/// (1,024 turned away 8,822 requests in a 10,000-machine storm) while staying below the open-file limit
/// (.NET raises its soft limit to the hard one, 20,000 on the storm host).
/// </summary>
public sealed class TftpListener(
    IPEndPoint endPoint,
    TftpFiles files,
    TftpLimits limits,
    TimeProvider time,
    ILogger<TftpListener> logger,
    int maxTransfers = 4096) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _transfers = new();
    private Socket? _socket;
    private Task _receiving = Task.CompletedTask;

    public TftpCounters Counters { get; } = new();

    /// <summary>The bound address and port (the real port when bound to port 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(_socket?.LocalEndPoint ?? throw new InvalidOperationException("The TFTP listener is not started."));

    /// <summary>Binds the server port (throws if it cannot: fail fast) and starts receiving.</summary>
    public void Start()
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        TftpLog.Listening(logger, socket.LocalEndPoint);
        _receiving = ReceiveAsync(socket, _stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket?.Dispose();
        await _receiving;
        await Task.WhenAll(_transfers.Keys);
        _stopping.Dispose();
    }

    private async Task ReceiveAsync(Socket socket, CancellationToken ct)
    {
        var buffer = new byte[ushort.MaxValue];
        var from = new SocketAddress(socket.AddressFamily);
        while (!ct.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, ct);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // E.g. an ICMP port unreachable for an error packet sent earlier: keep serving.
                TftpLog.SocketError(logger, e);
                continue;
            }

            await AnswerAsync(socket, buffer.AsMemory(0, length), Copy(from), ct);
        }
    }

    private async Task AnswerAsync(Socket socket, ReadOnlyMemory<byte> datagram, SocketAddress client, CancellationToken ct)
    {
        TftpResponse response = TftpResponder.Respond(datagram.Span, files, limits);
        EndPoint clientEndPoint = Describe(client);
        if (response.IsMalformed)
        {
            Counters.Drop();
            TftpLog.Dropped(logger, datagram.Length, clientEndPoint);
            return;
        }

        Counters.Request();
        byte[]? reply = response.Reply;
        if (response.Transfer is { } transfer && Counters.Begin() > maxTransfers)
        {
            Counters.Cancel();
            reply = TftpPacket.Error(TftpErrorCode.NotDefined, "Server busy");
        }

        if (reply is not null)
        {
            Counters.Refuse();
            _ = TftpPacket.TryParseError(reply, out _, out string why);
            TftpLog.Refused(logger, response.Filename, clientEndPoint, why);
            await SendQuietlyAsync(socket, reply, client, ct);
            return;
        }

        Task running = RunAsync(response.Transfer!, response.Filename, client, ct);
        _transfers.TryAdd(running, 0);
        _ = running.ContinueWith(t => _transfers.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync(TftpTransfer transfer, string? filename, SocketAddress client, CancellationToken ct)
    {
        await Task.Yield();
        EndPoint clientEndPoint = Describe(client);
        bool completed = false;
        try
        {
            using var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(endPoint.Address, 0));
            using CancellationTokenRegistration stop = ct.UnsafeRegister(s => ((Socket)s!).Dispose(), socket);
            TftpLog.Sending(logger, filename, clientEndPoint, transfer.Settings.BlockSize, transfer.Settings.WindowSize);
            completed = await new TftpSession(socket, transfer, client, time, Counters).RunAsync(ct);
            if (completed)
            {
                TftpLog.Sent(logger, filename, clientEndPoint, transfer.Retransmissions);
            }
            else
            {
                TftpLog.TransferFailed(logger, filename, clientEndPoint);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException && ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            TftpLog.TransferError(logger, e, filename, clientEndPoint);
        }
        finally
        {
            Counters.End(completed);
        }
    }

    private static async Task SendQuietlyAsync(Socket socket, byte[] packet, SocketAddress to, CancellationToken ct)
    {
        try
        {
            await socket.SendToAsync(packet, SocketFlags.None, to, ct);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    private EndPoint Describe(SocketAddress address) => endPoint.Create(address);
}
