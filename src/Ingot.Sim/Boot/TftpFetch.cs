using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingot.Sim.Boot;

/// <summary>
/// A PXE ROM's TFTP read (RFC 1350 with the <c>blksize</c> option, RFC 2348): RRQ to the server's
/// port, then DATA/ACK with the transfer's own port until a short block. Returns the byte count, or
/// throws <see cref="TftpFetchException"/> with the server's error or a timeout. Timing as UEFI's
/// PXE (EDK2's <c>PXEBC_MTFTP_TIMEOUT</c> 4 s, <c>PXEBC_MTFTP_RETRIES</c> 6): after
/// <see cref="Timeout"/> without a datagram the last packet (the RRQ or the last ACK) is sent again,
/// and the read fails after <see cref="Tries"/> silent waits.
/// </summary>
public static class TftpFetch
{
    public const int BlockSize = 8192;

    public const int Tries = 6;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    public static async Task<long> ReadAsync(IPAddress local, IPEndPoint server, string file, CancellationToken ct)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(local, 0));
        return await ReadAsync(socket, server, file, ct);
    }

    /// <summary>The same read through <paramref name="socket"/>, bound already (a NIC's socket inside a network namespace).</summary>
    public static async Task<long> ReadAsync(Socket socket, IPEndPoint server, string file, CancellationToken ct)
    {
        byte[] rrq = [0, 1, .. Encoding.ASCII.GetBytes($"{file}\0octet\0blksize\0{BlockSize}\0")];
        await socket.SendToAsync(rrq, SocketFlags.None, server, ct);
        byte[] buffer = new byte[BlockSize + 4];
        int blockSize = 512;
        ushort expected = 1;
        long total = 0;
        EndPoint? peer = null;
        int silent = 0;
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(Timeout);
            SocketReceiveFromResult got;
            try
            {
                got = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                if (++silent >= Tries)
                {
                    throw new TftpFetchException($"TFTP {file}: no answer from {server}");
                }

                // Resend what the server may have missed: the request, or the last ACK.
                if (peer is null)
                {
                    await socket.SendToAsync(rrq, SocketFlags.None, server, ct);
                }
                else
                {
                    await AckAsync(socket, (ushort)(expected - 1), peer, ct);
                }

                continue;
            }

            silent = 0;
            peer ??= got.RemoteEndPoint;
            if (!peer.Equals(got.RemoteEndPoint))
            {
                continue; // a second transfer started by a resent request: only the first one counts
            }

            int opcode = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            switch (opcode)
            {
                case 6: // OACK
                    blockSize = OptionValue(buffer.AsSpan(2, got.ReceivedBytes - 2), "blksize") ?? 512;
                    await AckAsync(socket, 0, peer, ct);
                    continue;
                case 5: // ERROR
                    throw new TftpFetchException(
                        $"TFTP {file}: {Encoding.ASCII.GetString(buffer, 4, Math.Max(0, got.ReceivedBytes - 5))}",
                        got.ReceivedBytes >= 4 ? BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2)) : null);
                case 3: // DATA
                    ushort block = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2));
                    int length = got.ReceivedBytes - 4;
                    if (block == expected)
                    {
                        total += length;
                        expected++;
                    }

                    await AckAsync(socket, block, peer, ct);
                    if (block == (ushort)(expected - 1) && length < blockSize)
                    {
                        return total;
                    }

                    continue;
                default:
                    throw new TftpFetchException($"TFTP {file}: unexpected opcode {opcode}");
            }
        }
    }

    private static async Task AckAsync(Socket socket, ushort block, EndPoint peer, CancellationToken ct)
    {
        byte[] ack = [0, 4, (byte)(block >> 8), (byte)block];
        await socket.SendToAsync(ack, SocketFlags.None, peer, ct);
    }

    private static int? OptionValue(ReadOnlySpan<byte> options, string name)
    {
        string[] parts = Encoding.ASCII.GetString(options).Split('\0');
        for (int i = 0; i + 1 < parts.Length; i += 2)
        {
            if (string.Equals(parts[i], name, StringComparison.OrdinalIgnoreCase) && int.TryParse(parts[i + 1], out int value))
            {
                return value;
            }
        }

        return null;
    }
}
