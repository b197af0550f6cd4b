using System.Buffers.Binary;
using System.Net;
using Ingot.Boot.Dhcp;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Tests.Dhcp;

public sealed class DhcpCodecTests
{
    [Fact]
    public void A_udhcpc_discover_parses_with_its_header_and_options()
    {
        DhcpParseResult result = DhcpCodec.Parse(GoldenPackets.UdhcpcDiscover);

        DhcpPacket packet = Assert.IsType<DhcpPacket>(result.Packet);
        Assert.Equal(DhcpParseError.None, result.Error);
        Assert.Equal(DhcpPacket.BootRequest, packet.Operation);
        Assert.Equal(0x3903f326u, packet.TransactionId);
        Assert.Equal(MacAddress.Parse("52:54:00:12:34:56"), packet.Mac);
        Assert.Equal(DhcpMessageType.Discover, packet.MessageType);
        Assert.Equal("udhcp 1.35.0", packet.VendorClass);
        Assert.Equal(new byte[] { 1, 3, 6, 12, 15, 28, 42 }, packet.ParameterRequestList);
        Assert.Equal(new byte[] { 1, 0x52, 0x54, 0, 0x12, 0x34, 0x56 }, packet.ClientIdentifier);
        Assert.False(packet.Broadcast);
        Assert.False(packet.IsRelayed);
        Assert.False(packet.IsIpxe);
        Assert.False(packet.IsPxeClient);
        Assert.Null(packet.ClientArchitecture);
    }

    [Fact]
    public void An_ipxe_discover_is_recognised_as_ipxe_on_bios_asking_for_a_broadcast_reply()
    {
        DhcpPacket packet = Assert.IsType<DhcpPacket>(DhcpCodec.Parse(GoldenPackets.IpxeBiosDiscover).Packet);

        Assert.True(packet.IsIpxe);
        Assert.True(packet.IsPxeClient);
        Assert.True(packet.Broadcast);
        Assert.Equal((ushort)0, packet.ClientArchitecture);
        Assert.Equal("PXEClient:Arch:00000:UNDI:002001", packet.VendorClass);
        Assert.Contains((byte)175, packet.ParameterRequestList);
    }

    [Fact]
    public void A_written_offer_has_every_field_where_rfc_2131_puts_it()
    {
        var offer = new DhcpPacket
        {
            Operation = DhcpPacket.BootReply,
            TransactionId = 0x3903f326,
            Flags = DhcpPacket.BroadcastFlag,
            YourAddress = IPAddress.Parse("10.0.0.100"),
            ServerAddress = IPAddress.Parse("10.0.0.1"),
            RelayAddress = IPAddress.Parse("10.9.0.1"),
            ClientHardwareAddress = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            BootFile = "undionly.kpxe",
            Options =
            [
                new DhcpOption(DhcpOptionCode.RelayAgentInformation, [1, 2, 0xab, 0xcd]),
                new DhcpOption(DhcpOptionCode.MessageType, [2]),
                new DhcpOption(DhcpOptionCode.ServerIdentifier, [10, 0, 0, 1]),
            ],
        };
        byte[] buffer = new byte[DhcpCodec.MaximumLength];

        int length = DhcpCodec.Write(offer, buffer);
        byte[] bytes = buffer[..length];

        Assert.Equal(DhcpCodec.MinimumLength, length);
        Assert.Equal(new byte[] { 2, 1, 6, 0 }, bytes[0..4]);
        Assert.Equal(0x3903f326u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4)));
        Assert.Equal(new byte[] { 0x80, 0 }, bytes[10..12]);
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, bytes[12..16]);
        Assert.Equal(new byte[] { 10, 0, 0, 100 }, bytes[16..20]);
        Assert.Equal(new byte[] { 10, 0, 0, 1 }, bytes[20..24]);
        Assert.Equal(new byte[] { 10, 9, 0, 1 }, bytes[24..28]);
        Assert.Equal(new byte[] { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 }, bytes[28..34]);
        Assert.Equal("undionly.kpxe"u8.ToArray(), bytes[108..121]);
        Assert.Equal(0, bytes[121]);
        Assert.Equal(new byte[] { 99, 130, 83, 99 }, bytes[236..240]);
        // 53 first, 54, then 82 moved last (RFC 3046 §2.1), then End.
        Assert.Equal(new byte[] { 53, 1, 2, 54, 4, 10, 0, 0, 1, 82, 4, 1, 2, 0xab, 0xcd, 255 }, bytes[240..256]);
        Assert.All(bytes[256..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_written_packet_parses_back_to_the_same_fields()
    {
        DhcpPacket original = DhcpCodec.Parse(GoldenPackets.IpxeBiosDiscover).Packet!;
        byte[] buffer = new byte[DhcpCodec.MaximumLength];

        DhcpPacket again = DhcpCodec.Parse(buffer.AsSpan(0, DhcpCodec.Write(original, buffer))).Packet!;

        Assert.Equal(original.TransactionId, again.TransactionId);
        Assert.Equal(original.Flags, again.Flags);
        Assert.Equal(original.Mac, again.Mac);
        Assert.Equal(original.Options.Select(o => (o.Code, Convert.ToHexString(o.Value))), again.Options.Select(o => (o.Code, Convert.ToHexString(o.Value))));
    }

    [Fact]
    public void An_option_longer_than_255_bytes_is_split_on_writing_and_joined_on_reading()
    {
        byte[] longValue = [.. Enumerable.Range(0, 300).Select(i => (byte)i)];
        var packet = new DhcpPacket { Options = [new DhcpOption(DhcpOptionCode.VendorSpecific, longValue)] };
        byte[] buffer = new byte[DhcpCodec.MaximumLength];

        int length = DhcpCodec.Write(packet, buffer);

        Assert.Equal(new byte[] { 43, 255 }, buffer[240..242]);
        Assert.Equal(new byte[] { 43, 45 }, buffer[497..499]);
        Assert.Equal(longValue, DhcpCodec.Parse(buffer.AsSpan(0, length)).Packet!.Find(43));
    }

    [Fact]
    public void Options_that_do_not_fit_in_576_bytes_are_left_out_and_the_packet_still_ends()
    {
        var packet = new DhcpPacket
        {
            Options = [new DhcpOption(43, new byte[200]), new DhcpOption(60, new byte[200]), new DhcpOption(77, new byte[200]), new DhcpOption(12, [(byte)'x'])],
        };
        byte[] buffer = new byte[DhcpCodec.MaximumLength];

        int length = DhcpCodec.Write(packet, buffer);
        DhcpPacket back = DhcpCodec.Parse(buffer.AsSpan(0, length)).Packet!;

        Assert.True(length <= DhcpCodec.MaximumLength);
        Assert.Equal(new byte[] { 43, 12 }, back.Options.Select(o => o.Code));
    }

    [Fact]
    public void With_option_overload_sname_and_file_are_not_read_as_text()
    {
        byte[] bytes = GoldenPackets.Build([0, 0, 0, 1], [0, 0], [53, 1, 1, 52, 1, 3, 255]);
        bytes[108] = 67;
        bytes[109] = 3;
        bytes[44] = (byte)'x';

        DhcpPacket packet = DhcpCodec.Parse(bytes).Packet!;

        Assert.Equal("", packet.BootFile);
        Assert.Equal("", packet.ServerName);
        Assert.Equal(DhcpMessageType.Discover, packet.MessageType);
    }

    [Fact]
    public void Options_after_end_and_pads_are_ignored_and_a_missing_end_is_tolerated()
    {
        DhcpPacket ended = DhcpCodec.Parse(GoldenPackets.Build([0, 0, 0, 1], [0, 0], [0, 0, 53, 1, 3, 255, 12, 200])).Packet!;
        DhcpPacket unended = DhcpCodec.Parse(GoldenPackets.Build([0, 0, 0, 1], [0, 0], [53, 1, 3])).Packet!;

        Assert.Equal(new byte[] { 53 }, ended.Options.Select(o => o.Code));
        Assert.Equal(DhcpMessageType.Request, unended.MessageType);
    }

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "empty", [] },
        { "header only", new byte[239] },
        { "no cookie", new byte[300] },
        { "operation 3", Mutate(GoldenPackets.UdhcpcDiscover, 0, 3) },
        { "hlen 17", Mutate(GoldenPackets.UdhcpcDiscover, 2, 17) },
        { "option past the end", GoldenPackets.Build([0, 0, 0, 1], [0, 0], [53, 1, 1, 12, 40, 65]) },
        { "option length missing", GoldenPackets.Build([0, 0, 0, 1], [0, 0], [53, 1, 1, 12]) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_datagram_gives_the_reason_and_no_packet(string why, byte[] datagram)
    {
        DhcpParseResult result = DhcpCodec.Parse(datagram);

        Assert.Null(result.Packet);
        Assert.NotEqual(DhcpParseError.None, result.Error);
        Assert.Equal(
            why switch
            {
                "empty" or "header only" => DhcpParseError.TooShort,
                "no cookie" => DhcpParseError.NoMagicCookie,
                "operation 3" => DhcpParseError.UnknownOperation,
                "hlen 17" => DhcpParseError.BadHardwareAddressLength,
                _ => DhcpParseError.TruncatedOption,
            },
            result.Error);
    }

    [Fact]
    public void A_user_class_in_rfc_3004_framing_also_marks_ipxe()
    {
        DhcpPacket packet = DhcpCodec.Parse(GoldenPackets.Build([0, 0, 0, 1], [0, 0], [53, 1, 1, 77, 9, 3, .. "foo"u8, 4, .. "iPXE"u8, 255])).Packet!;

        Assert.True(packet.IsIpxe);
    }

    private static byte[] Mutate(byte[] bytes, int at, byte value)
    {
        bytes[at] = value;
        return bytes;
    }
}
