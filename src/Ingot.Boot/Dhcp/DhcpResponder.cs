using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// The authoritative DHCP server's decisions (RFC 2131 §4.3), pure: a request, the interface it
/// came in on, the configuration, the lease table and the time in; a <see cref="DhcpAnswer"/> out.
/// The subnet is the one holding <c>giaddr</c> for a relayed request, else the interface's.
/// </summary>
public sealed class DhcpResponder(DhcpBootSettings boot)
{
    public DhcpAnswer Respond(DhcpPacket request, DhcpInterface link, DhcpConfiguration config, DhcpLeaseTable leases, DateTimeOffset now)
    {
        if (request.Operation != DhcpPacket.BootRequest)
        {
            return DhcpAnswer.Drop("not a BOOTREQUEST");
        }

        if (request.Mac is not { } mac)
        {
            return DhcpAnswer.Drop("not an Ethernet client");
        }

        if (request.MessageType == DhcpMessageType.None)
        {
            return DhcpAnswer.Drop("BOOTP without a DHCP message type");
        }

        if (request.ServerIdentifier is { } chosen && !chosen.Equals(link.Address))
        {
            // Selecting another server's offer, or releasing/declining another server's lease: let ours go.
            return request.MessageType == DhcpMessageType.Request && leases.ForMac(mac) is { } held && !leases.IsBoundTo(mac, held.Address)
                ? new DhcpAnswer(null, new DhcpLeaseChange(DhcpLeaseChangeKind.Release, held), $"{mac} chose server {chosen}")
                : DhcpAnswer.Drop($"for server {chosen}");
        }

        IPAddress on = request.IsRelayed ? request.RelayAddress : link.Address;
        DhcpSubnet? subnet = SubnetOf(config, on);
        if (subnet is null)
        {
            return DhcpAnswer.Drop($"no subnet for {on}");
        }

        var exchange = new Exchange(request, mac, link.Address, subnet, config, leases, now, PxeBoot.For(request, link.Address, boot));
        return request.MessageType switch
        {
            DhcpMessageType.Discover => exchange.Discover(),
            DhcpMessageType.Request => exchange.Request(),
            DhcpMessageType.Release => exchange.Release(),
            DhcpMessageType.Decline => exchange.Decline(),
            DhcpMessageType.Inform => exchange.Inform(),
            _ => DhcpAnswer.Drop($"{request.MessageType} is not sent by clients"),
        };
    }

    /// <summary>
    /// The answer to a REQUEST whose bind the shared lease store refused: <paramref name="holder"/>, another
    /// region's client, holds the address. A NAK, as for any address that is not the client's (RFC 2131
    /// §4.3.2); the client starts over with a DISCOVER.
    /// </summary>
    public static DhcpAnswer Refused(DhcpPacket request, DhcpInterface link, DhcpLease holder) =>
        new(DhcpReply.Nak(request, link.Address, $"{holder.Address} is not yours"), null, $"NAK {holder.Address} for {request.Mac}: {holder.Mac} holds it");

    private static DhcpSubnet? SubnetOf(DhcpConfiguration config, IPAddress on)
    {
        for (int i = 0; i < config.Subnets.Count; i++)
        {
            if (config.Subnets[i].Network.Contains(on))
            {
                return config.Subnets[i];
            }
        }

        return null;
    }

    private sealed record Exchange(DhcpPacket Packet, MacAddress Mac, IPAddress Server, DhcpSubnet Subnet, DhcpConfiguration Config, DhcpLeaseTable Leases, DateTimeOffset Now, PxeBoot? Boot)
    {
        public DhcpAnswer Discover()
        {
            IPAddress? address = AddressChoice.Choose(Subnet, Config, Leases, Mac, Packet.RequestedAddress, Now);
            if (address is null)
            {
                return DhcpAnswer.Drop($"no free address on {Subnet.Network} for {Mac}");
            }

            DhcpPacket offer = Reply(DhcpMessageType.Offer, address, IPAddress.Any);
            return new DhcpAnswer(offer, new DhcpLeaseChange(DhcpLeaseChangeKind.Offer, Lease(address, DhcpLeaseTable.OfferHold)), $"offer {address} to {Mac}");
        }

        /// <summary>SELECTING and INIT-REBOOT name the address in option 50; RENEWING and REBINDING in <c>ciaddr</c>.</summary>
        public DhcpAnswer Request()
        {
            bool fromClientAddress = Packet.RequestedAddress is null;
            IPAddress? wanted = Packet.RequestedAddress ?? (Packet.ClientAddress.Equals(IPAddress.Any) ? null : Packet.ClientAddress);
            if (wanted is null)
            {
                return DhcpAnswer.Drop($"REQUEST from {Mac} names no address");
            }

            if (!AddressChoice.IsAllowed(Subnet, Config, Leases, Mac, wanted, Now))
            {
                return new DhcpAnswer(DhcpReply.Nak(Packet, Server, $"{wanted} is not yours"), null, $"NAK {wanted} for {Mac}");
            }

            DhcpPacket ack = Reply(DhcpMessageType.Ack, wanted, fromClientAddress ? Packet.ClientAddress : IPAddress.Any);
            bool reserved = AddressChoice.FixedHost(Subnet, Config, Mac) is not null;
            return new DhcpAnswer(ack, new DhcpLeaseChange(DhcpLeaseChangeKind.Bind, Lease(wanted, Subnet.LeaseTime), reserved), $"ack {wanted} for {Mac}");
        }

        public DhcpAnswer Release() =>
            Leases.IsBoundTo(Mac, Packet.ClientAddress)
                ? new DhcpAnswer(null, new DhcpLeaseChange(DhcpLeaseChangeKind.Release, Lease(Packet.ClientAddress, TimeSpan.Zero)), $"{Mac} released {Packet.ClientAddress}")
                : DhcpAnswer.Drop($"{Mac} released {Packet.ClientAddress}, which it does not hold");

        public DhcpAnswer Decline() =>
            Packet.RequestedAddress is { } declined && Subnet.Network.Contains(declined)
                ? new DhcpAnswer(null, new DhcpLeaseChange(DhcpLeaseChangeKind.Decline, Lease(declined, DhcpLeaseTable.DeclineHold)), $"{Mac} declined {declined}")
                : DhcpAnswer.Drop($"DECLINE from {Mac} names no address on {Subnet.Network}");

        /// <summary>DHCPINFORM: configuration only; no address, no lease time (RFC 2131 §4.3.5).</summary>
        public DhcpAnswer Inform()
        {
            DhcpPacket ack = DhcpReply.Create(Packet, DhcpMessageType.Ack, Server, IPAddress.Any, Packet.ClientAddress, DhcpReply.SubnetOptions(Subnet), Boot);
            return new DhcpAnswer(ack, null, $"inform {Packet.ClientAddress} ({Mac})");
        }

        private DhcpPacket Reply(DhcpMessageType type, IPAddress address, IPAddress clientAddress)
        {
            var options = new List<DhcpOption>(16);
            options.AddRange(DhcpReply.LeaseOptions(Subnet.LeaseTime));
            options.AddRange(DhcpReply.SubnetOptions(Subnet));
            if (AddressChoice.FixedHost(Subnet, Config, Mac) is { Hostname.Length: > 0 } host)
            {
                options.Add(DhcpReply.Text(DhcpOptionCode.HostName, host.Hostname));
            }

            return DhcpReply.Create(Packet, type, Server, address, clientAddress, options, Boot);
        }

        private DhcpLease Lease(IPAddress address, TimeSpan length) =>
            new(Mac, address, Now, Now + length, Packet.HostName ?? "", Packet.ClientIdentifier is { } id ? Convert.ToHexString(id) : "");
    }
}
