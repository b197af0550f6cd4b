using System.Net;
using System.Net.Sockets;

namespace Ingot.Boot.Tftp;

/// <summary>
/// One <see cref="TftpTransfer"/> on its own non-blocking socket, driven by the listener's thread: sends
/// what the transfer asks for, feeds it the client's datagrams and the clock, and answers datagrams from
/// any other address or port with Unknown transfer ID (RFC 1350 §4) without disturbing the transfer.
/// Never blocks: a send the kernel cannot take now is dropped (the transfer's timer resends it).
/// </summary>
internal sealed class TftpSession(Socket socket, TftpTransfer transfer, SocketAddress client, EndPoint clientEndPoint, string? filename, TftpCounters counters)
{
    private static readonly byte[] s_unknownTransferId = TftpPacket.Error(TftpErrorCode.UnknownTransferId, "Unknown transfer ID");

    /// <summary>Datagrams read per wake-up at most, so one busy client cannot hold the thread.</summary>
    private const int ReadsPerWake = 16;

    private readonly List<TftpSend> _outbox = [];
    private bool _clientGone;

    public Socket Socket => socket;

    public TftpTransfer Transfer => transfer;

    public EndPoint ClientEndPoint => clientEndPoint;

    public string? Filename => filename;

    /// <summary>Completed, failed, or the client's port is unreachable.</summary>
    public bool IsOver => _clientGone || transfer.State != TftpTransferState.Sending;

    /// <summary>True when the client acknowledged the whole file.</summary>
    public bool Completed => transfer.State == TftpTransferState.Complete;

    public void Start(DateTimeOffset now, byte[] packet)
    {
        transfer.Start(now, _outbox);
        Flush(packet);
    }

    /// <summary>The socket is readable: reads what is queued (up to <see cref="ReadsPerWake"/>).</summary>
    public void Receive(byte[] buffer, SocketAddress from, DateTimeOffset now, byte[] packet)
    {
        for (int read = 0; read < ReadsPerWake && !IsOver; read++)
        {
            // The first read always (poll said readable; a zero-length datagram shows as nothing available).
            if (read > 0 && socket.Available == 0)
            {
                return;
            }

            int length;
            try
            {
                length = socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
            {
                continue; // larger than any ACK or ERROR: not from a TFTP client
            }
            catch (SocketException)
            {
                _clientGone = true; // e.g. ICMP port unreachable (connection reset): the client has gone.
                return;
            }

            if (!from.Equals(client))
            {
                counters.Stray();
                SendQuietly(s_unknownTransferId, from);
                continue;
            }

            transfer.Receive(buffer.AsSpan(0, length), now, _outbox);
            Flush(packet);
        }
    }

    /// <summary>The clock: resends or gives up when the transfer's deadline has passed.</summary>
    public void Tick(DateTimeOffset now, byte[] packet)
    {
        transfer.Tick(now, _outbox);
        Flush(packet);
    }

    private void Flush(byte[] packet)
    {
        foreach (TftpSend send in _outbox)
        {
            int length = transfer.Render(send, packet);
            SendQuietly(packet.AsSpan(0, length), client);
        }

        _outbox.Clear();
    }

    private void SendQuietly(ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, to);
        }
        catch (SocketException)
        {
            // The send buffer is full (WouldBlock) or the kernel refused it: as if lost on the wire; the
            // transfer's timer resends.
        }
    }
}
