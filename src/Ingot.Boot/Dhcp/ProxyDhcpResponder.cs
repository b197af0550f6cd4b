using System.Net;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// Proxy DHCP (PXE specification 2.1 §2.2.5): beside another DHCP server that hands out addresses,
/// answer PXE clients only with where to boot from. On port 67 a DISCOVER from a PXE (or iPXE, or
/// UEFI HTTP) client gets an OFFER without an address (<c>yiaddr</c> 0) carrying option 60
/// "PXEClient", option 43 and the boot file; on port 4011 the client's REQUEST gets the same as an ACK.
/// Every other packet is left to the real DHCP server. Pure, like <see cref="DhcpResponder"/>.
/// </summary>
public sealed class ProxyDhcpResponder(DhcpBootSettings boot)
{
    /// <summary>The PXE boot server port that proxy clients send their REQUEST to.</summary>
    public const int PxePort = 4011;

    public DhcpAnswer Respond(DhcpPacket request, DhcpInterface link, int localPort)
    {
        if (request.Operation != DhcpPacket.BootRequest || request.Mac is not { } mac)
        {
            return DhcpAnswer.Drop("not a BOOTREQUEST from an Ethernet client");
        }

        if (!request.IsPxeClient && !request.IsHttpClient && !request.IsIpxe)
        {
            return DhcpAnswer.Drop($"{mac} is not a PXE client");
        }

        DhcpMessageType type = (request.MessageType, localPort) switch
        {
            (DhcpMessageType.Discover, not PxePort) => DhcpMessageType.Offer,
            (DhcpMessageType.Request or DhcpMessageType.Inform, PxePort) => DhcpMessageType.Ack,
            _ => DhcpMessageType.None,
        };
        if (type == DhcpMessageType.None)
        {
            return DhcpAnswer.Drop($"proxy DHCP ignores {request.MessageType} on port {localPort}");
        }

        if (PxeBoot.For(request, link.Address, boot) is not { } pxe)
        {
            return DhcpAnswer.Drop($"no first-stage file for {mac} (architecture {request.ClientArchitecture})");
        }

        // A proxy offer always says PXEClient and carries option 43, whatever kind of client asked.
        var options = pxe.Options.Where(o => o.Code is not (DhcpOptionCode.VendorClass or DhcpOptionCode.VendorSpecific)).ToList();
        options.Add(DhcpReply.Text(DhcpOptionCode.VendorClass, request.IsHttpClient ? "HTTPClient" : "PXEClient"));
        options.Add(new DhcpOption(DhcpOptionCode.VendorSpecific, [6, 1, 8, DhcpOptionCode.End]));
        DhcpPacket reply = DhcpReply.Create(request, type, link.Address, IPAddress.Any, request.ClientAddress, [], pxe with { Options = options });
        return new DhcpAnswer(reply, null, $"proxy {type} for {mac}: {pxe.File}");
    }
}
