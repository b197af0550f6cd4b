using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// A UDP socket for a DHCP listener: bound to the wildcard address (clients without an address send
/// to 255.255.255.255) on one port, tied to one interface with <c>SO_BINDTODEVICE</c> so that it
/// hears and broadcasts on that link only, and allowed to broadcast. Every DHCP socket gets a
/// receive buffer of <see cref="ReceiveBuffer"/>: when a thousand machines power on at once their
/// DISCOVERs arrive together, and the kernel's default buffer (some 200 KiB, a few hundred
/// datagrams) would drop the rest before the server read them.
/// </summary>
public static class DhcpSocket
{
    /// <summary>The receive buffer asked for: room for some thousands of queued requests.</summary>
    public const int ReceiveBuffer = 8 * 1024 * 1024;

    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;
    private const int SoRcvBufForce = 33;

    public static Socket Open(string interfaceName, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.EnableBroadcast = true;
            Enlarge(socket);
            if (OperatingSystem.IsLinux())
            {
                BindToDevice(socket, interfaceName);
            }

            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Ties <paramref name="socket"/> to one interface (Linux <c>SO_BINDTODEVICE</c>): it hears and sends on that link only.</summary>
    public static void BindToDevice(Socket socket, string interfaceName)
    {
        ArgumentNullException.ThrowIfNull(socket);
        socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"));
    }

    /// <summary>A socket on 127.0.0.1:<paramref name="port"/> for relayed requests (no device, no broadcast, no root for a high port).</summary>
    public static Socket OpenLoopback(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            Enlarge(socket);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Asks for <see cref="ReceiveBuffer"/>: past <c>net.core.rmem_max</c> with <c>SO_RCVBUFFORCE</c>
    /// where allowed (root or CAP_NET_ADMIN, as a DHCP server on port 67 usually is), else as much as
    /// <c>SO_RCVBUF</c> gives (the kernel caps it at <c>rmem_max</c>).
    /// </summary>
    internal static void Enlarge(Socket socket)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                socket.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(ReceiveBuffer));
                return;
            }
            catch (SocketException)
            {
                // Not permitted: fall back to the capped option.
            }
        }

        socket.ReceiveBufferSize = ReceiveBuffer;
    }
}
