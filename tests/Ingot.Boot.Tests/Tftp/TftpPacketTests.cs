using System.Text;
using CsCheck;
using Ingot.Boot.Tftp;

namespace Ingot.Boot.Tests.Tftp;

public sealed class TftpPacketTests
{
    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void Read_request_with_options_parses_from_golden_bytes()
    {
        byte[] packet = [0, 1, .. Bytes("undionly.kpxe\0octet\0blksize\01468\0tsize\00\0WindowSize\016\0")];

        Assert.True(TftpPacket.TryParseRequest(packet, out TftpRequest? request));
        Assert.Equal(TftpOpcode.ReadRequest, request.Opcode);
        Assert.Equal("undionly.kpxe", request.Filename);
        Assert.Equal("octet", request.Mode);
        Assert.Equal(["blksize=1468", "tsize=0", "windowsize=16"], request.Options.Select(o => $"{o.Key}={o.Value}"));
    }

    [Theory]
    [InlineData(new byte[] { 0, 1 })]
    [InlineData(new byte[] { 0, 1, (byte)'a', 0 })]
    [InlineData(new byte[] { 0, 1, (byte)'a', 0, (byte)'o', (byte)'c' })]
    [InlineData(new byte[] { 0, 1, 0, (byte)'o', 0 })]
    [InlineData(new byte[] { 0, 1, (byte)'a', 0, (byte)'o', 0, (byte)'b', 0 })]
    [InlineData(new byte[] { 0, 1, (byte)'a', 1, 0, (byte)'o', 0 })]
    [InlineData(new byte[] { 0, 9, (byte)'a', 0, (byte)'o', 0 })]
    [InlineData(new byte[] { 0, 4, (byte)'a', 0, (byte)'o', 0 })]
    public void Truncated_or_odd_requests_are_malformed(byte[] packet) =>
        Assert.False(TftpPacket.TryParseRequest(packet, out _));

    [Fact]
    public void Data_ack_error_and_oack_are_written_as_the_rfcs_say()
    {
        var data = new byte[8];
        Assert.Equal(7, TftpPacket.WriteData(data, 0x0102, [9, 8, 7]));
        Assert.Equal(new byte[] { 0, 3, 1, 2, 9, 8, 7, 0 }, data);
        var ack = new byte[4];
        TftpPacket.WriteAck(ack, 65535);
        Assert.Equal(new byte[] { 0, 4, 255, 255 }, ack);
        Assert.Equal([0, 5, 0, 1, .. Bytes("File not found\0")], TftpPacket.Error(TftpErrorCode.FileNotFound, "File not found"));
        Assert.Equal([0, 6, .. Bytes("blksize\01468\0")], TftpPacket.WithOptions(TftpOpcode.OptionAck, ["blksize", "1468"]));
    }

    [Fact]
    public void Ack_must_be_exactly_four_bytes()
    {
        Assert.True(TftpPacket.TryParseAck([0, 4, 1, 0], out ushort block));
        Assert.Equal(256, block);
        Assert.False(TftpPacket.TryParseAck([0, 4, 1], out _));
        Assert.False(TftpPacket.TryParseAck([0, 4, 1, 0, 0], out _));
        Assert.False(TftpPacket.TryParseAck([0, 3, 1, 0], out _));
    }

    [Fact]
    public void Random_bytes_never_throw_from_the_codec_or_the_responder()
    {
        var files = new TftpFiles(new Dictionary<string, string>(), new Dictionary<string, ReadOnlyMemory<byte>> { ["a"] = new byte[] { 1 } });
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            _ = TftpPacket.TryParseRequest(bytes, out _);
            _ = TftpPacket.TryParseAck(bytes, out _);
            _ = TftpPacket.TryParseError(bytes, out _, out _);
            TftpResponse response = TftpResponder.Respond(bytes, files, TftpLimits.Default);
            Assert.True(response.IsMalformed || response.Reply is not null || response.Transfer is not null);
        }, iter: 20_000);
    }

    [Fact]
    public void Random_requests_with_options_parse_back_to_what_was_sent()
    {
        Gen<string> token = Gen.String[Gen.Char['a', 'z'], 1, 12];
        Gen.Select(token, token, token.Array[0, 4]).Sample((name, mode, options) =>
        {
            string[] pairs = [.. options.SelectMany(o => new[] { o, "1" })];
            byte[] packet = TftpPacket.WithOptions(TftpOpcode.ReadRequest, [name, mode, .. pairs]);
            Assert.True(TftpPacket.TryParseRequest(packet, out TftpRequest? request));
            Assert.Equal(name, request.Filename);
            Assert.Equal(options.Length, request.Options.Count);
        }, iter: 2_000);
    }
}
