using System.Net;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// Where a reply goes (RFC 2131 §4.1): to the relay's server port when relayed; to the client's
/// address when it has one (renewing, INFORM) or when it asked at the PXE port; otherwise broadcast
/// to port 68. A unicast to <c>yiaddr</c> before the client has its address would need an ARP entry
/// the server cannot make with a UDP socket, so Ingot broadcasts then, as many servers do.
/// </summary>
public static class DhcpReplyRoute
{
    public const int ServerPort = 67;
    public const int ClientPort = 68;

    public static IPEndPoint For(DhcpPacket request, DhcpPacket reply, IPEndPoint sender, int localPort)
    {
        if (request.IsRelayed)
        {
            return new IPEndPoint(request.RelayAddress, ServerPort);
        }

        if (localPort == ProxyDhcpResponder.PxePort)
        {
            return sender;
        }

        bool nak = reply.MessageType == DhcpMessageType.Nak;
        if (!nak && !request.ClientAddress.Equals(IPAddress.Any))
        {
            return new IPEndPoint(request.ClientAddress, ClientPort);
        }

        return new IPEndPoint(IPAddress.Broadcast, ClientPort);
    }
}
