using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ingot.Boot.Dhcp;

namespace Ingot.Boot.Tests.Dhcp;

/// <summary>
/// A storm of machines powering on at once sends its DISCOVERs together: the DHCP socket must hold
/// them all until the server reads them, not drop them at the kernel's default receive buffer.
/// </summary>
public sealed class DhcpSocketTests
{
    private const int Burst = 2000;

    [Fact]
    public async Task A_burst_of_two_thousand_requests_waits_in_the_socket_until_the_server_reads_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("The receive buffer is sized for Linux.");
        }

        if (!Environment.IsPrivilegedProcess && RmemMax() < DhcpSocket.ReceiveBuffer / 2)
        {
            Assert.Skip($"Not root, and net.core.rmem_max ({RmemMax()}) caps the buffer below what the burst needs.");
        }

        using Socket server = DhcpSocket.OpenLoopback(0);
        var address = (IPEndPoint)server.LocalEndPoint!;
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        byte[] datagram = new byte[548];
        for (int i = 0; i < Burst; i++)
        {
            BitConverter.TryWriteBytes(datagram, i);
            await client.SendToAsync(datagram, SocketFlags.None, address, TestContext.Current.CancellationToken);
        }

        var seen = new HashSet<int>();
        byte[] buffer = new byte[2048];
        while (seen.Count < Burst)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                SocketReceiveFromResult got = await server.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), wait.Token);
                seen.Add(BitConverter.ToInt32(buffer, 0));
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        Assert.True(seen.Count == Burst, $"the socket kept {seen.Count} of {Burst} datagrams sent before it was read (receive buffer {server.ReceiveBufferSize} bytes)");
    }

    private static long RmemMax() =>
        long.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), CultureInfo.InvariantCulture);
}
