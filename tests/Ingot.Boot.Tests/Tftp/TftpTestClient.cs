using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Ingot.Boot.Tftp;

namespace Ingot.Boot.Tests.Tftp;

/// <summary>
/// A small TFTP read client for what no installed client sends (windowsize, odd requests): sends a
/// request, acknowledges the OACK, and acknowledges each window (or the last in-order block on a gap).
/// </summary>
internal static class TftpTestClient
{
    public sealed record Result(byte[]? Content, TftpErrorCode? Error, string OptionAck, int Acks);

    public static async Task<Result> GetAsync(IPEndPoint server, byte[] request, int windowSize, CancellationToken ct)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await socket.SendToAsync(request, SocketFlags.None, server, ct);
        var buffer = new byte[70_000];
        var content = new MemoryStream();
        var ack = new byte[4];
        long expected = 1;
        int inWindow = 0;
        int acks = 0;
        string optionAck = "";
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        int blockSize = 512;
        while (true)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            SocketReceiveFromResult received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, timeout.Token);
            ReadOnlySpan<byte> packet = buffer.AsSpan(0, received.ReceivedBytes);
            EndPoint peer = received.RemoteEndPoint;
            var opcode = (TftpOpcode)BinaryPrimitives.ReadUInt16BigEndian(packet);
            if (opcode == TftpOpcode.Error)
            {
                _ = TftpPacket.TryParseError(packet, out TftpErrorCode code, out _);
                return new Result(null, code, optionAck, acks);
            }

            if (opcode == TftpOpcode.OptionAck)
            {
                string[] fields = System.Text.Encoding.ASCII.GetString(packet[2..]).TrimEnd('\0').Split('\0');
                optionAck = string.Join(' ', fields);
                int at = Array.IndexOf(fields, "blksize");
                blockSize = at >= 0 ? int.Parse(fields[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 512;
                TftpPacket.WriteAck(ack, 0);
                acks++;
                await socket.SendToAsync(ack, SocketFlags.None, peer, ct);
                continue;
            }

            ushort block = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
            bool inOrder = block == (ushort)expected;
            if (inOrder)
            {
                content.Write(packet[4..]);
                expected++;
                inWindow++;
            }

            bool last = inOrder && packet.Length - 4 < blockSize;
            if (!inOrder || last || inWindow == windowSize)
            {
                inWindow = 0;
                TftpPacket.WriteAck(ack, (ushort)(expected - 1));
                acks++;
                await socket.SendToAsync(ack, SocketFlags.None, peer, ct);
            }

            if (last)
            {
                return new Result(content.ToArray(), null, optionAck, acks);
            }
        }
    }

    public static byte[] ReadRequest(string filename, params string[] options) =>
        TftpPacket.WithOptions(TftpOpcode.ReadRequest, [filename, "octet", .. options]);
}
