using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Ingot.Boot.Tftp;

/// <summary>
/// The TFTP wire format, pure over spans. RFC 1350 §5: every packet starts with a 2-byte opcode;
/// RRQ/WRQ = filename NUL mode NUL, then RFC 2347 options as name NUL value NUL pairs; DATA = block
/// number + 0..blksize bytes; ACK = block number; ERROR = code + message NUL; OACK = option pairs.
/// Strings are netascii; anything outside printable ASCII, a missing NUL or a dangling option name
/// makes the packet malformed.
/// </summary>
public static class TftpPacket
{
    public const int HeaderLength = 4;

    /// <summary>Largest request we read (RFC 2347 asks for 512 bytes; some clients send more).</summary>
    public const int MaxRequestLength = 1468;

    public static bool TryReadOpcode(ReadOnlySpan<byte> datagram, out TftpOpcode opcode)
    {
        opcode = default;
        if (datagram.Length < 2)
        {
            return false;
        }

        ushort value = BinaryPrimitives.ReadUInt16BigEndian(datagram);
        if (value is < 1 or > 6)
        {
            return false;
        }

        opcode = (TftpOpcode)value;
        return true;
    }

    public static bool TryParseRequest(ReadOnlySpan<byte> datagram, [NotNullWhen(true)] out TftpRequest? request)
    {
        request = null;
        if (datagram.Length > MaxRequestLength || !TryReadOpcode(datagram, out TftpOpcode opcode) ||
            opcode is not (TftpOpcode.ReadRequest or TftpOpcode.WriteRequest))
        {
            return false;
        }

        ReadOnlySpan<byte> rest = datagram[2..];
        if (!TryTakeString(ref rest, out string? filename) || filename.Length == 0 ||
            !TryTakeString(ref rest, out string? mode) || mode.Length == 0)
        {
            return false;
        }

        var options = new List<KeyValuePair<string, string>>();
        while (!rest.IsEmpty)
        {
            if (!TryTakeString(ref rest, out string? name) || name.Length == 0 || !TryTakeString(ref rest, out string? value))
            {
                return false;
            }

            options.Add(new(name.ToLowerInvariant(), value));
        }

        request = new TftpRequest(opcode, filename, mode.ToLowerInvariant(), options);
        return true;
    }

    /// <summary>An ACK (RFC 1350): exactly opcode 4 and a block number.</summary>
    public static bool TryParseAck(ReadOnlySpan<byte> datagram, out ushort block)
    {
        block = 0;
        if (datagram.Length != HeaderLength || BinaryPrimitives.ReadUInt16BigEndian(datagram) != (ushort)TftpOpcode.Ack)
        {
            return false;
        }

        block = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        return true;
    }

    /// <summary>An ERROR packet; a message without its NUL is accepted (some clients omit it).</summary>
    public static bool TryParseError(ReadOnlySpan<byte> datagram, out TftpErrorCode code, out string message)
    {
        code = default;
        message = "";
        if (datagram.Length < HeaderLength || BinaryPrimitives.ReadUInt16BigEndian(datagram) != (ushort)TftpOpcode.Error)
        {
            return false;
        }

        code = (TftpErrorCode)BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        ReadOnlySpan<byte> text = datagram[4..];
        int nul = text.IndexOf((byte)0);
        message = Encoding.ASCII.GetString(nul < 0 ? text : text[..nul]);
        return true;
    }

    /// <summary>Writes DATA for <paramref name="block"/>; returns the packet length.</summary>
    public static int WriteData(Span<byte> destination, ushort block, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)TftpOpcode.Data);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], block);
        payload.CopyTo(destination[HeaderLength..]);
        return HeaderLength + payload.Length;
    }

    public static int WriteAck(Span<byte> destination, ushort block)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)TftpOpcode.Ack);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], block);
        return HeaderLength;
    }

    public static byte[] Error(TftpErrorCode code, string message)
    {
        var packet = new byte[HeaderLength + Encoding.ASCII.GetByteCount(message) + 1];
        BinaryPrimitives.WriteUInt16BigEndian(packet, (ushort)TftpOpcode.Error);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)code);
        Encoding.ASCII.GetBytes(message, packet.AsSpan(HeaderLength));
        return packet;
    }

    /// <summary>An option acknowledgement (RFC 2347) or, with <paramref name="opcode"/> RRQ, a request (for clients).</summary>
    public static byte[] WithOptions(TftpOpcode opcode, IReadOnlyList<string> strings)
    {
        var packet = new byte[2 + strings.Sum(s => Encoding.ASCII.GetByteCount(s) + 1)];
        BinaryPrimitives.WriteUInt16BigEndian(packet, (ushort)opcode);
        int at = 2;
        foreach (string s in strings)
        {
            at += Encoding.ASCII.GetBytes(s, packet.AsSpan(at));
            packet[at++] = 0;
        }

        return packet;
    }

    private static bool TryTakeString(ref ReadOnlySpan<byte> rest, [NotNullWhen(true)] out string? value)
    {
        value = null;
        int nul = rest.IndexOf((byte)0);
        if (nul < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> text = rest[..nul];
        if (text.ContainsAnyExceptInRange((byte)0x20, (byte)0x7e))
        {
            return false;
        }

        value = Encoding.ASCII.GetString(text);
        rest = rest[(nul + 1)..];
        return true;
    }
}
