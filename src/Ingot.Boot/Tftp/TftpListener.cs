using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Tftp;

/// <summary>
/// The TFTP server on one address: receives requests on the server port (69), asks
/// <see cref="TftpResponder"/> what to do, and runs each transfer on its own socket with a fresh port
/// (the transfer id of RFC 1350 §4). Owns the sockets and the clock, nothing else: all protocol
/// decisions are the responder's and <see cref="TftpTransfer"/>'s. Malformed datagrams are dropped and
/// counted; no exception leaves the loop.
/// <para>
/// Everything runs on one dedicated thread that polls the server port and every transfer's socket
/// (non-blocking sockets, one <c>poll</c> per wake-up, the wait bounded by the earliest retransmission
/// deadline). Nothing of it waits on the .NET thread pool: when the rest of the process holds every pool
/// thread (synchronous SQLite writes in a 2,000-machine storm did), admitted transfers still move; with
/// async sockets and per-transfer timers they stopped reading their sockets until the pool drained, their
/// clients gave up, and the stalled sessions held the transfer cap.
/// </para>
/// At most <c>maxTransfers</c> transfers (one socket each) run at once; a request beyond that is refused
/// with "Server busy", which makes a PXE client fail the boot attempt and start it again. The default
/// (4,096) stays below the open-file limit (.NET raises its soft limit to the hard one, 20,000 on the
/// storm host) and one thread keeps that many lock-step transfers moving (see docs/storm-notes.md).
/// </summary>
public sealed class TftpListener(
    IPEndPoint endPoint,
    TftpFiles files,
    TftpLimits limits,
    TimeProvider time,
    ILogger<TftpListener> logger,
    int maxTransfers = 4096) : IAsyncDisposable
{
    /// <summary>The longest poll: a bound on how late a stop or a clock change is noticed.</summary>
    private static readonly TimeSpan s_longestWait = TimeSpan.FromSeconds(1);

    /// <summary>Requests read from the server port per wake-up at most, so transfers are not starved by a burst.</summary>
    private const int RequestsPerWake = 64;

    private readonly Dictionary<Socket, TftpSession> _sessions = [];
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _socket;
    private Socket? _doorbell;
    private volatile bool _stopping;

    public TftpCounters Counters { get; } = new();

    /// <summary>The bound address and port (the real port when bound to port 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(_socket?.LocalEndPoint ?? throw new InvalidOperationException("The TFTP listener is not started."));

    /// <summary>Binds the server port (throws if it cannot: fail fast) and starts the server's thread.</summary>
    public void Start()
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var doorbell = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(endPoint);
            socket.Blocking = false;
            // A rack's read requests arrive together (400 at once overflowed the default 208 KiB):
            // the same 8 MiB as the DHCP sockets ask for.
            Dhcp.DhcpSocket.Enlarge(socket);
            doorbell.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            doorbell.Blocking = false;
        }
        catch
        {
            socket.Dispose();
            doorbell.Dispose();
            throw;
        }

        _socket = socket;
        _doorbell = doorbell;
        TftpLog.Listening(logger, socket.LocalEndPoint);
        var thread = new Thread(Serve) { IsBackground = true, Name = $"TFTP {endPoint}" };
        thread.Start();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket is null || _doorbell is null)
        {
            return;
        }

        _stopping = true;
        try
        {
            _doorbell.SendTo([0], _doorbell.LocalEndPoint!);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Disposed twice, or the send failed: the poll's longest wait notices the stop anyway.
        }

        await _stopped.Task;
        _socket.Dispose();
        _doorbell.Dispose();
    }

    private void Serve()
    {
        var ready = new List<Socket>();
        var buffer = new byte[ushort.MaxValue];
        var packet = new byte[ushort.MaxValue + 1]; // any DATA (4 + at most 65,464) or OACK
        var from = new SocketAddress(endPoint.AddressFamily);
        var over = new List<TftpSession>();
        try
        {
            while (!_stopping)
            {
                Wait(ready);
                DateTimeOffset now = time.GetUtcNow();
                foreach (Socket socket in ready)
                {
                    if (socket == _socket)
                    {
                        AnswerRequests(buffer, from, now, packet);
                    }
                    else if (socket == _doorbell)
                    {
                        Drain(socket, buffer);
                    }
                    else if (_sessions.TryGetValue(socket, out TftpSession? session) && !Step(session, buffer, from, now, packet))
                    {
                        End(session, completed: false);
                    }
                }

                now = time.GetUtcNow();
                foreach (TftpSession session in _sessions.Values)
                {
                    bool broken = !session.IsOver && session.Transfer.Deadline <= now && !Step(session, null, from, now, packet);
                    if (broken || session.IsOver)
                    {
                        over.Add(session);
                    }
                }

                foreach (TftpSession session in over)
                {
                    End(session, session.Completed);
                }

                over.Clear();
            }
        }
        catch (Exception e)
        {
            TftpLog.LoopError(logger, e);
        }
        finally
        {
            foreach (TftpSession session in _sessions.Values.ToList())
            {
                End(session, completed: false, quietly: true);
            }

            _stopped.TrySetResult();
        }
    }

    /// <summary>Polls the server port, the doorbell and every transfer until one is readable or the earliest deadline.</summary>
    private void Wait(List<Socket> ready)
    {
        ready.Clear();
        ready.Add(_socket!);
        ready.Add(_doorbell!);
        DateTimeOffset earliest = DateTimeOffset.MaxValue;
        foreach ((Socket socket, TftpSession session) in _sessions)
        {
            ready.Add(socket);
            if (session.Transfer.Deadline < earliest)
            {
                earliest = session.Transfer.Deadline;
            }
        }

        TimeSpan wait = earliest == DateTimeOffset.MaxValue ? s_longestWait : earliest - time.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > s_longestWait ? s_longestWait : wait;
        // Round up to the next millisecond so a wait of a few microseconds does not spin.
        Socket.Select(ready, null, null, (int)Math.Ceiling(wait.TotalMilliseconds) * 1000);
    }

    private void AnswerRequests(byte[] buffer, SocketAddress from, DateTimeOffset now, byte[] packet)
    {
        for (int read = 0; read < RequestsPerWake; read++)
        {
            if (read > 0 && _socket!.Available == 0)
            {
                return;
            }

            int length;
            try
            {
                length = _socket!.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
            {
                return;
            }
            catch (SocketException e)
            {
                // E.g. an ICMP port unreachable for an error packet sent earlier: keep serving.
                TftpLog.SocketError(logger, e);
                continue;
            }

            SocketAddress client = Copy(from);
            try
            {
                Answer(buffer.AsSpan(0, length), client, now, packet);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A fault in this code, not in the request (the responder checks it): that request only, the listener serves on.
                TftpLog.TransferError(logger, e, null, endPoint.Create(client));
            }
        }
    }

    private void Answer(ReadOnlySpan<byte> datagram, SocketAddress client, DateTimeOffset now, byte[] packet)
    {
        TftpResponse response = TftpResponder.Respond(datagram, files, limits);
        EndPoint clientEndPoint = endPoint.Create(client);
        if (response.IsMalformed)
        {
            Counters.Drop();
            TftpLog.Dropped(logger, datagram.Length, clientEndPoint);
            return;
        }

        Counters.Request();
        byte[]? reply = response.Reply;
        if (response.Transfer is not null && Counters.Begin() > maxTransfers)
        {
            Counters.Cancel();
            reply = TftpPacket.Error(TftpErrorCode.NotDefined, "Server busy");
        }

        if (reply is not null)
        {
            Counters.Refuse();
            _ = TftpPacket.TryParseError(reply, out _, out string why);
            TftpLog.Refused(logger, response.Filename, clientEndPoint, why);
            SendQuietly(_socket!, reply, client);
            return;
        }

        TftpTransfer transfer = response.Transfer!;
        Socket socket;
        try
        {
            socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(endPoint.Address, 0));
            socket.Blocking = false;
        }
        catch (SocketException e)
        {
            // Out of ports or file descriptors: the transfer cannot start; the client retries.
            Counters.End(completed: false);
            TftpLog.TransferError(logger, e, response.Filename, clientEndPoint);
            SendQuietly(_socket!, TftpPacket.Error(TftpErrorCode.NotDefined, "Server busy"), client);
            return;
        }

        var session = new TftpSession(socket, transfer, client, clientEndPoint, response.Filename, Counters);
        _sessions.Add(socket, session);
        TftpLog.Sending(logger, response.Filename, clientEndPoint, transfer.Settings.BlockSize, transfer.Settings.WindowSize);
        session.Start(now, packet);
    }

    /// <summary>
    /// One step of <paramref name="session"/>: the datagram waiting on its socket when <paramref name="buffer"/> is given, else
    /// its timer. An unexpected error (a fault in this code, not the client's datagram, which the transfer checks) is logged
    /// and ends only that transfer (false), never the listener.
    /// </summary>
    private bool Step(TftpSession session, byte[]? buffer, SocketAddress from, DateTimeOffset now, byte[] packet)
    {
        try
        {
            if (buffer is null)
            {
                session.Tick(now, packet);
            }
            else
            {
                session.Receive(buffer, from, now, packet);
            }

            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            TftpLog.TransferError(logger, e, session.Filename, session.ClientEndPoint);
            return false;
        }
    }

    private void End(TftpSession session, bool completed, bool quietly = false)
    {
        _sessions.Remove(session.Socket);
        session.Socket.Dispose();
        Counters.End(completed);
        if (completed)
        {
            TftpLog.Sent(logger, session.Filename, session.ClientEndPoint, session.Transfer.Retransmissions);
        }
        else if (!quietly)
        {
            TftpLog.TransferFailed(logger, session.Filename, session.ClientEndPoint);
        }
    }

    private static void Drain(Socket socket, byte[] buffer)
    {
        try
        {
            while (socket.Available > 0)
            {
                _ = socket.Receive(buffer);
            }
        }
        catch (SocketException)
        {
        }
    }

    private static void SendQuietly(Socket socket, byte[] packet, SocketAddress to)
    {
        try
        {
            socket.SendTo(packet, SocketFlags.None, to);
        }
        catch (SocketException)
        {
        }
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
