using System.Net;
using System.Net.Sockets;

namespace Ingot.Boot.Tftp;

/// <summary>
/// Drives one <see cref="TftpTransfer"/> over its own socket: sends what the transfer asks for,
/// feeds it the client's datagrams and the clock, and answers datagrams from any other address or
/// port with Unknown transfer ID (RFC 1350 §4) without disturbing the transfer.
/// </summary>
internal sealed class TftpSession(Socket socket, TftpTransfer transfer, SocketAddress client, TimeProvider time, TftpCounters counters)
{
    private static readonly byte[] s_unknownTransferId = TftpPacket.Error(TftpErrorCode.UnknownTransferId, "Unknown transfer ID");
    private readonly List<TftpSend> _outbox = [];
    private readonly byte[] _packet = new byte[transfer.MaxPacketLength];

    /// <summary>True when the client acknowledged the whole file.</summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var receive = new byte[2048];
        var from = new SocketAddress(socket.AddressFamily);
        var timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        bool armed = false;
        try
        {
            transfer.Start(time.GetUtcNow(), _outbox);
            await FlushAsync(ct);
            while (transfer.State == TftpTransferState.Sending)
            {
                TimeSpan wait = transfer.Deadline - time.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    transfer.Tick(time.GetUtcNow(), _outbox);
                    await FlushAsync(ct);
                    continue;
                }

                // The timer is armed once per deadline it outlives, not per packet: when it fires before
                // a deadline that has since moved on, the loop re-arms it for the time left.
                if (timer.IsCancellationRequested)
                {
                    timer.Dispose();
                    timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
                    armed = false;
                }

                if (!armed)
                {
                    timer.CancelAfter(wait);
                    armed = true;
                }
                int length;
                try
                {
                    length = await socket.ReceiveFromAsync(receive, SocketFlags.None, from, timer.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    continue;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
                {
                    return false; // ICMP port unreachable: the client has gone.
                }

                if (!from.Equals(client))
                {
                    counters.Stray();
                    await socket.SendToAsync(s_unknownTransferId, SocketFlags.None, from, ct);
                    continue;
                }

                transfer.Receive(receive.AsSpan(0, length), time.GetUtcNow(), _outbox);
                await FlushAsync(ct);
            }

            return transfer.State == TftpTransferState.Complete;
        }
        finally
        {
            timer.Dispose();
        }
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        foreach (TftpSend send in _outbox)
        {
            int length = transfer.Render(send, _packet);
            await socket.SendToAsync(_packet.AsMemory(0, length), SocketFlags.None, client, ct);
        }

        _outbox.Clear();
    }
}
