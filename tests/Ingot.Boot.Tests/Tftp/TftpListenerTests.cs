using System.Net.Sockets;
using Ingot.Boot.Tftp;

namespace Ingot.Boot.Tests.Tftp;

/// <summary>The listener on 127.0.0.1 against real clients: tftp-hpa, curl, and a test client for windowsize.</summary>
public sealed class TftpListenerTests(TftpServerFixture server) : IClassFixture<TftpServerFixture>, IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("ingot-tftp-out-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string Tool(string name) =>
        ExternalProcess.Find(name) ?? throw new InvalidOperationException($"{name} is not installed (scripts/install-test-packages.sh installs it)");

    private string Port => server.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("undionly.kpxe")]
    [InlineData("exact.bin")]
    public async Task Tftp_hpa_fetches_a_served_file_in_binary_mode(string name)
    {
        string target = Path.Combine(_out, name);

        (int exit, string output) = await ExternalProcess.RunAsync(Tool("tftp"), ["-v", "127.0.0.1", Port, "-m", "binary", "-c", "get", name, target], Ct);

        Assert.True(exit == 0 && File.Exists(target), output);
        Assert.Equal(TftpServerFixture.Sha256(server.Files[name]), TftpServerFixture.Sha256(File.ReadAllBytes(target)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1468")]
    [InlineData("8")]
    [InlineData("65464")]
    public async Task Curl_fetches_a_served_file_with_and_without_blksize(string? blockSize)
    {
        string target = Path.Combine(_out, "curl.bin");
        string[] options = blockSize is null ? [] : ["--tftp-blksize", blockSize];

        (int exit, string output) = await ExternalProcess.RunAsync(Tool("curl"), ["-sS", .. options, "-o", target, $"tftp://127.0.0.1:{Port}/undionly.kpxe"], Ct);

        Assert.True(exit == 0, output);
        Assert.Equal(TftpServerFixture.Sha256(server.Files["undionly.kpxe"]), TftpServerFixture.Sha256(File.ReadAllBytes(target)));
    }

    [Fact]
    public async Task Curl_fetches_the_generated_ipxe_script()
    {
        (int exit, string output) = await ExternalProcess.RunAsync(Tool("curl"), ["-sS", $"tftp://127.0.0.1:{Port}/boot.ipxe"], Ct);

        Assert.Equal(0, exit);
        Assert.StartsWith("#!ipxe", output, StringComparison.Ordinal);
        Assert.Contains(":5248/ipxe/boot.ipxe", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(64)]
    public async Task Windowsize_transfers_the_whole_file_with_one_ack_per_window(int windowSize)
    {
        byte[] request = TftpTestClient.ReadRequest("big.bin", "blksize", "1428", "windowsize", windowSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "tsize", "0");

        TftpTestClient.Result result = await TftpTestClient.GetAsync(server.EndPoint, request, windowSize, Ct);

        Assert.Equal($"blksize 1428 windowsize {windowSize} tsize 3000000", result.OptionAck);
        Assert.Equal(TftpServerFixture.Sha256(server.Files["big.bin"]), TftpServerFixture.Sha256(result.Content!));
        int blocks = (3_000_000 / 1428) + 1;
        Assert.Equal(1 + ((blocks + windowSize - 1) / windowSize), result.Acks);
    }

    [Theory]
    [InlineData("../etc/passwd", TftpErrorCode.AccessViolation)]
    [InlineData("/etc/passwd", TftpErrorCode.AccessViolation)]
    [InlineData("pxelinux.cfg/../../etc/passwd", TftpErrorCode.AccessViolation)]
    [InlineData("..\\undionly.kpxe", TftpErrorCode.AccessViolation)]
    [InlineData("passwd", TftpErrorCode.FileNotFound)]
    [InlineData("UNDIONLY.KPXE", TftpErrorCode.FileNotFound)]
    public async Task Paths_outside_the_allow_list_get_an_error_packet(string name, TftpErrorCode expected)
    {
        long refused = server.Listener.Counters.Refused;

        TftpTestClient.Result result = await TftpTestClient.GetAsync(server.EndPoint, TftpTestClient.ReadRequest(name), 1, Ct);

        Assert.Equal(expected, result.Error);
        Assert.True(server.Listener.Counters.Refused > refused);
    }

    [Fact]
    public async Task Tftp_hpa_path_traversal_fails_with_the_servers_error()
    {
        string target = Path.Combine(_out, "passwd");

        (_, string output) = await ExternalProcess.RunAsync(Tool("tftp"), ["127.0.0.1", Port, "-m", "binary", "-c", "get", "../etc/passwd", target], Ct);

        Assert.Contains("Access violation", output, StringComparison.Ordinal);
        Assert.True(!File.Exists(target) || new FileInfo(target).Length == 0);
    }

    [Fact]
    public async Task A_write_request_is_refused_as_read_only()
    {
        byte[] request = TftpPacket.WithOptions(TftpOpcode.WriteRequest, ["x.bin", "octet"]);

        TftpTestClient.Result result = await TftpTestClient.GetAsync(server.EndPoint, request, 1, Ct);

        Assert.Equal(TftpErrorCode.AccessViolation, result.Error);
    }

    [Fact]
    public async Task Malformed_datagrams_are_dropped_and_counted_and_the_server_keeps_serving()
    {
        long dropped = server.Listener.Counters.Malformed;
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            var random = new Random(7);
            for (int i = 0; i < 50; i++)
            {
                var junk = new byte[random.Next(1, 40)];
                random.NextBytes(junk);
                junk[0] = 0xff;
                await socket.SendToAsync(junk, SocketFlags.None, server.EndPoint, Ct);
            }
        }

        TftpTestClient.Result result = await TftpTestClient.GetAsync(server.EndPoint, TftpTestClient.ReadRequest("small.bin"), 1, Ct);

        Assert.Equal(server.Files["small.bin"], result.Content);
        Assert.True(server.Listener.Counters.Malformed >= dropped + 50, $"{server.Listener.Counters.Malformed} dropped");
    }

    [Fact]
    public async Task Twenty_four_parallel_curl_transfers_all_arrive_intact()
    {
        string expected = TftpServerFixture.Sha256(server.Files["big.bin"]);

        (int Exit, string Output)[] runs = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => ExternalProcess.RunAsync(
            Tool("curl"), ["-sS", "--tftp-blksize", "1428", "-o", Path.Combine(_out, $"p{i}.bin"), $"tftp://127.0.0.1:{Port}/big.bin"], Ct)));

        Assert.All(runs, r => Assert.True(r.Exit == 0, r.Output));
        Assert.All(Enumerable.Range(0, 24), i => Assert.Equal(expected, TftpServerFixture.Sha256(File.ReadAllBytes(Path.Combine(_out, $"p{i}.bin")))));
    }

    [Fact]
    public async Task A_datagram_from_another_port_gets_unknown_transfer_id_and_the_transfer_goes_on()
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        stranger.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var buffer = new byte[1024];
        await client.SendToAsync(TftpTestClient.ReadRequest("exact.bin"), SocketFlags.None, server.EndPoint, Ct);
        SocketReceiveFromResult first = await client.ReceiveFromAsync(buffer, SocketFlags.None, new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0), Ct);

        await stranger.SendToAsync(new byte[] { 0, 4, 0, 1 }, SocketFlags.None, first.RemoteEndPoint, Ct);
        int length = await stranger.ReceiveAsync(buffer, SocketFlags.None, Ct);
        Assert.True(TftpPacket.TryParseError(buffer.AsSpan(0, length), out TftpErrorCode code, out _));
        Assert.Equal(TftpErrorCode.UnknownTransferId, code);

        await client.SendToAsync(new byte[] { 0, 4, 0, 1 }, SocketFlags.None, first.RemoteEndPoint, Ct);
        SocketReceiveFromResult second = await client.ReceiveFromAsync(buffer, SocketFlags.None, new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0), Ct);
        Assert.Equal(new byte[] { 0, 3, 0, 2 }, buffer[..4]);
        Assert.Equal(516, second.ReceivedBytes);
    }
}
