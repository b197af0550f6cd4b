using Ingot.Boot.Tftp;

namespace Ingot.Boot.Tests.Tftp;

public sealed class TftpNegotiationTests
{
    private static TftpRequest Request(params string[] options) => new(
        TftpOpcode.ReadRequest, "f", "octet",
        [.. options.Chunk(2).Select(p => new KeyValuePair<string, string>(p[0], p[1]))]);

    [Fact]
    public void Known_options_are_acknowledged_with_the_values_used()
    {
        (TftpSettings settings, IReadOnlyList<string> ack) = TftpNegotiation.Negotiate(
            Request("blksize", "1468", "tsize", "0", "timeout", "3", "windowsize", "16"), 12345, TftpLimits.Default);

        Assert.Equal(["blksize", "1468", "tsize", "12345", "timeout", "3", "windowsize", "16"], ack);
        Assert.Equal(1468, settings.BlockSize);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Timeout);
        Assert.Equal(16, settings.WindowSize);
    }

    [Fact]
    public void Oversized_blksize_and_windowsize_are_granted_the_server_maximum()
    {
        (TftpSettings settings, IReadOnlyList<string> ack) = TftpNegotiation.Negotiate(
            Request("blksize", "99999", "windowsize", "65535"), 1, TftpLimits.Default);

        Assert.Equal(["blksize", "65464", "windowsize", "64"], ack);
        Assert.Equal(65464, settings.BlockSize);
    }

    [Theory]
    [InlineData("blksize", "7")]
    [InlineData("blksize", "-1")]
    [InlineData("blksize", "x")]
    [InlineData("timeout", "0")]
    [InlineData("timeout", "256")]
    [InlineData("windowsize", "0")]
    [InlineData("tsize", "5")]
    [InlineData("multicast", "1")]
    public void Invalid_or_unknown_options_are_left_out(string name, string value)
    {
        (TftpSettings settings, IReadOnlyList<string> ack) = TftpNegotiation.Negotiate(Request(name, value), 1, TftpLimits.Default);

        Assert.Empty(ack);
        Assert.Equal(TftpSettings.Default, settings);
    }
}
