using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// Reads and writes DHCP messages (RFC 2131 §2 header, RFC 2132 options, RFC 3396 long options).
/// Pure over spans; never throws on any input: a datagram it cannot read gives a
/// <see cref="DhcpParseError"/>. Option overload (option 52) is not followed: <c>sname</c> and
/// <c>file</c> then read as empty, so nothing is taken from fields that hold options.
/// </summary>
public static class DhcpCodec
{
    /// <summary>op … file: the fixed BOOTP header.</summary>
    public const int HeaderLength = 236;

    public const uint MagicCookie = 0x63825363;

    /// <summary>BOOTP's minimum message (RFC 1542 §2.1); replies are padded to it.</summary>
    public const int MinimumLength = 300;

    /// <summary>The largest reply written: what every client must accept (RFC 2131 §2).</summary>
    public const int MaximumLength = 576;

    private const int ServerNameOffset = 44;
    private const int BootFileOffset = 108;

    public static DhcpParseResult Parse(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < HeaderLength + 4)
        {
            return DhcpParseResult.Failed(DhcpParseError.TooShort);
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(datagram[HeaderLength..]) != MagicCookie)
        {
            return DhcpParseResult.Failed(DhcpParseError.NoMagicCookie);
        }

        byte op = datagram[0];
        if (op is not (DhcpPacket.BootRequest or DhcpPacket.BootReply))
        {
            return DhcpParseResult.Failed(DhcpParseError.UnknownOperation);
        }

        if (datagram[2] > 16)
        {
            return DhcpParseResult.Failed(DhcpParseError.BadHardwareAddressLength);
        }

        List<DhcpOption>? options = ReadOptions(datagram[(HeaderLength + 4)..]);
        if (options is null)
        {
            return DhcpParseResult.Failed(DhcpParseError.TruncatedOption);
        }

        bool overloaded = IndexOf(options, DhcpOptionCode.Overload) >= 0;
        return new DhcpParseResult(
            new DhcpPacket
            {
                Operation = op,
                HardwareType = datagram[1],
                HardwareLength = datagram[2],
                Hops = datagram[3],
                TransactionId = BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
                Seconds = BinaryPrimitives.ReadUInt16BigEndian(datagram[8..]),
                Flags = BinaryPrimitives.ReadUInt16BigEndian(datagram[10..]),
                ClientAddress = Address(datagram.Slice(12, 4)),
                YourAddress = Address(datagram.Slice(16, 4)),
                ServerAddress = Address(datagram.Slice(20, 4)),
                RelayAddress = Address(datagram.Slice(24, 4)),
                ClientHardwareAddress = datagram.Slice(28, 16).ToArray(),
                ServerName = overloaded ? "" : Text(datagram.Slice(ServerNameOffset, 64)),
                BootFile = overloaded ? "" : Text(datagram.Slice(BootFileOffset, 128)),
                Options = options,
            },
            DhcpParseError.None);
    }

    /// <summary>
    /// Writes <paramref name="packet"/> into <paramref name="destination"/> (at least
    /// <see cref="MaximumLength"/> bytes) and returns the length. Option 82 goes last, as RFC 3046
    /// asks; options that do not fit are left out rather than overflowing.
    /// </summary>
    public static int Write(DhcpPacket packet, Span<byte> destination)
    {
        Span<byte> d = destination[..MaximumLength];
        d.Clear();
        d[0] = packet.Operation;
        d[1] = packet.HardwareType;
        d[2] = packet.HardwareLength;
        d[3] = packet.Hops;
        BinaryPrimitives.WriteUInt32BigEndian(d[4..], packet.TransactionId);
        BinaryPrimitives.WriteUInt16BigEndian(d[8..], packet.Seconds);
        BinaryPrimitives.WriteUInt16BigEndian(d[10..], packet.Flags);
        packet.ClientAddress.TryWriteBytes(d.Slice(12, 4), out _);
        packet.YourAddress.TryWriteBytes(d.Slice(16, 4), out _);
        packet.ServerAddress.TryWriteBytes(d.Slice(20, 4), out _);
        packet.RelayAddress.TryWriteBytes(d.Slice(24, 4), out _);
        packet.ClientHardwareAddress.AsSpan(0, Math.Min(16, packet.ClientHardwareAddress.Length)).CopyTo(d[28..]);
        WriteText(packet.ServerName, d.Slice(ServerNameOffset, 63));
        WriteText(packet.BootFile, d.Slice(BootFileOffset, 127));
        BinaryPrimitives.WriteUInt32BigEndian(d[HeaderLength..], MagicCookie);

        int at = HeaderLength + 4;
        Span<byte> room = d[..(MaximumLength - 1)];
        IReadOnlyList<DhcpOption> options = packet.Options;
        DhcpOption? relayInformation = null;
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i].Code == DhcpOptionCode.RelayAgentInformation)
            {
                relayInformation ??= options[i];
                continue;
            }

            at = WriteOption(options[i], room, at);
        }

        for (int i = 0; relayInformation is not null && i < options.Count; i++)
        {
            if (options[i].Code == DhcpOptionCode.RelayAgentInformation)
            {
                at = WriteOption(options[i], room, at);
            }
        }

        d[at++] = DhcpOptionCode.End;
        return Math.Max(at, MinimumLength);
    }

    /// <summary>
    /// The options in order of first appearance; instances of one code are joined (RFC 3396). One pass,
    /// one array per option; a repeated code (rare) is joined into a new array.
    /// </summary>
    private static List<DhcpOption>? ReadOptions(ReadOnlySpan<byte> area)
    {
        var options = new List<DhcpOption>(16);
        int i = 0;
        while (i < area.Length)
        {
            byte code = area[i++];
            if (code == DhcpOptionCode.End)
            {
                break;
            }

            if (code == DhcpOptionCode.Pad)
            {
                continue;
            }

            if (i >= area.Length || i + 1 + area[i] > area.Length)
            {
                return null;
            }

            ReadOnlySpan<byte> value = area.Slice(i + 1, area[i]);
            i += 1 + area[i];
            int seen = IndexOf(options, code);
            if (seen < 0)
            {
                options.Add(new DhcpOption(code, value.ToArray()));
            }
            else
            {
                options[seen] = new DhcpOption(code, [.. options[seen].Value, .. value]);
            }
        }

        return options;
    }

    private static int IndexOf(List<DhcpOption> options, byte code)
    {
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>An address field; 0.0.0.0 (most of them in most packets) is the shared <see cref="IPAddress.Any"/>.</summary>
    private static IPAddress Address(ReadOnlySpan<byte> field) =>
        BinaryPrimitives.ReadUInt32BigEndian(field) == 0 ? IPAddress.Any : new IPAddress(field);

    private static int WriteOption(DhcpOption option, Span<byte> room, int at)
    {
        int needed = option.Value.Length + (2 * Math.Max(1, (option.Value.Length + 254) / 255));
        if (option.Code is DhcpOptionCode.Pad or DhcpOptionCode.End || at + needed > room.Length)
        {
            return at;
        }

        ReadOnlySpan<byte> rest = option.Value;
        do
        {
            int chunk = Math.Min(255, rest.Length);
            room[at] = option.Code;
            room[at + 1] = (byte)chunk;
            rest[..chunk].CopyTo(room[(at + 2)..]);
            at += 2 + chunk;
            rest = rest[chunk..];
        }
        while (!rest.IsEmpty);

        return at;
    }

    private static string Text(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        ReadOnlySpan<byte> text = end < 0 ? field : field[..end];
        return Encoding.ASCII.GetString(text);
    }

    private static void WriteText(string text, Span<byte> field)
    {
        int length = Math.Min(text.Length, field.Length);
        Encoding.ASCII.GetBytes(text.AsSpan(0, length), field);
    }
}
