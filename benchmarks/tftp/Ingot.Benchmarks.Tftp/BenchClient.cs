using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Ingot.Boot.Tftp;

namespace Ingot.Benchmarks.Tftp;

/// <summary>
/// A TFTP read client that can ask for <c>windowsize</c> (RFC 7440), which neither tftp-hpa nor curl
/// send: acknowledges each window, the last block, or (on a gap or a 1 s silence) the last block
/// received in order, so the server resends from there. Uses the window the server acknowledged; a
/// server that ignores windowsize gets an ACK for every block.
/// </summary>
internal static class BenchClient
{
    public static async Task<(long Bytes, TimeSpan Elapsed, string Sha256)> GetAsync(
        IPEndPoint server, string file, int blockSize, int windowSize, CancellationToken ct)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveBufferSize = 4 << 20;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new List<string> { file, "octet" };
        if (blockSize > 0)
        {
            options.AddRange(["blksize", blockSize.ToString(CultureInfo.InvariantCulture)]);
        }

        if (windowSize > 0)
        {
            options.AddRange(["windowsize", windowSize.ToString(CultureInfo.InvariantCulture)]);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[70_000];
        var ack = new byte[4];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        EndPoint? peer = null;
        int negotiatedBlock = 512;
        int window = 1;
        long expected = 1;
        long bytes = 0;
        int inWindow = 0;
        var clock = Stopwatch.StartNew();
        await socket.SendToAsync(TftpPacket.WithOptions(TftpOpcode.ReadRequest, options), SocketFlags.None, server, ct);
        while (true)
        {
            SocketReceiveFromResult received;
            using (var silence = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                silence.CancelAfter(TimeSpan.FromSeconds(1));
                try
                {
                    received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, silence.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested && peer is not null)
                {
                    await AckAsync(expected - 1);
                    continue;
                }
            }

            peer ??= received.RemoteEndPoint;
            var packet = buffer.AsMemory(0, received.ReceivedBytes);
            var opcode = (TftpOpcode)BinaryPrimitives.ReadUInt16BigEndian(packet.Span);
            if (opcode == TftpOpcode.Error)
            {
                _ = TftpPacket.TryParseError(packet.Span, out TftpErrorCode code, out string message);
                throw new InvalidOperationException($"server error {code}: {message}");
            }

            if (opcode == TftpOpcode.OptionAck)
            {
                string[] fields = System.Text.Encoding.ASCII.GetString(packet.Span[2..]).TrimEnd('\0').Split('\0');
                negotiatedBlock = Option(fields, "blksize", 512);
                window = Option(fields, "windowsize", 1);
                await AckAsync(0);
                continue;
            }

            ushort block = BinaryPrimitives.ReadUInt16BigEndian(packet.Span[2..]);
            bool inOrder = block == unchecked((ushort)expected);
            if (inOrder)
            {
                hash.AppendData(packet.Span[4..]);
                bytes += packet.Length - 4;
                expected++;
                inWindow++;
            }

            bool last = inOrder && packet.Length - 4 < negotiatedBlock;
            if (!inOrder || last || inWindow >= window)
            {
                inWindow = 0;
                await AckAsync(expected - 1);
            }

            if (last)
            {
                return (bytes, clock.Elapsed, Convert.ToHexStringLower(hash.GetHashAndReset()));
            }
        }

        async Task AckAsync(long block)
        {
            TftpPacket.WriteAck(ack, unchecked((ushort)block));
            await socket.SendToAsync(ack, SocketFlags.None, peer!, ct);
        }
    }

    private static int Option(string[] fields, string name, int otherwise)
    {
        int at = Array.IndexOf(fields, name);
        return at >= 0 && at + 1 < fields.Length ? int.Parse(fields[at + 1], CultureInfo.InvariantCulture) : otherwise;
    }
}
