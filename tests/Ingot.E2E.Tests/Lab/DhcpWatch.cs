using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingot.E2E.Tests.Lab;

/// <summary>Listens on a <see cref="BootNetwork"/>'s host interface, port 67, for a VM's DHCP requests (BOOTREQUEST with its MAC in chaddr).</summary>
internal sealed class DhcpWatch : IDisposable
{
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly string _interface;

    public DhcpWatch(BootNetwork network)
    {
        _interface = network.HostInterface;
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(network.HostInterface + "\0"));
        _socket.Bind(new IPEndPoint(IPAddress.Any, 67));
    }

    /// <summary>Waits for a BOOTREQUEST from <paramref name="mac"/>; on timeout fails naming it, with <paramref name="context"/>().</summary>
    public async Task WaitForRequestAsync(string mac, TimeSpan limit, Func<string> context)
    {
        byte[] buffer = new byte[1500];
        string expected = mac.Replace(":", "", StringComparison.Ordinal);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        while (true)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds} s for a DHCP request from {mac} on {_interface}. {context()}");
            }

            if (length >= 240 && buffer[0] == 1 && Convert.ToHexStringLower(buffer, 28, 6) == expected)
            {
                return;
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
