using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// A UDP socket for a DHCP listener: bound to the wildcard address (clients without an address send
/// to 255.255.255.255) on one port, tied to one interface with <c>SO_BINDTODEVICE</c> so that it
/// hears and broadcasts on that link only, and allowed to broadcast.
/// </summary>
public static class DhcpSocket
{
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    public static Socket Open(string interfaceName, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.EnableBroadcast = true;
            if (OperatingSystem.IsLinux())
            {
                socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"));
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

    /// <summary>A socket on 127.0.0.1:<paramref name="port"/> for relayed requests (no device, no broadcast, no root for a high port).</summary>
    public static Socket OpenLoopback(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
