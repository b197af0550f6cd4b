using System.Buffers.Binary;
using System.Net;
using System.Text;
using Ingot.Core.Boot;

namespace Ingot.Boot.Dhcp;

/// <summary>Builds replies (RFC 2131 §4.3.1 table 3): header fields copied from the request, options in order.</summary>
internal static class DhcpReply
{
    public static DhcpPacket Create(DhcpPacket request, DhcpMessageType type, IPAddress server, IPAddress yourAddress, IPAddress clientAddress, IEnumerable<DhcpOption> options, PxeBoot? boot)
    {
        var all = new List<DhcpOption>
        {
            new(DhcpOptionCode.MessageType, [(byte)type]),
            new(DhcpOptionCode.ServerIdentifier, Ipv4.Bytes(server)),
        };
        all.AddRange(options);
        if (boot is not null)
        {
            all.AddRange(boot.Options);
        }

        if (request.RelayAgentInformation is { } relayInformation)
        {
            all.Add(new DhcpOption(DhcpOptionCode.RelayAgentInformation, relayInformation));
        }

        return new DhcpPacket
        {
            Operation = DhcpPacket.BootReply,
            HardwareType = request.HardwareType,
            HardwareLength = request.HardwareLength,
            TransactionId = request.TransactionId,
            Flags = request.Flags,
            ClientAddress = clientAddress,
            YourAddress = yourAddress,
            ServerAddress = boot is null ? IPAddress.Any : server,
            RelayAddress = request.RelayAddress,
            ClientHardwareAddress = request.ClientHardwareAddress,
            BootFile = boot is { File.Length: <= 127 } ? boot.File : "",
            Options = all,
        };
    }

    /// <summary>A DHCPNAK; relayed ones ask the relay to broadcast (RFC 2131 §4.3.2).</summary>
    public static DhcpPacket Nak(DhcpPacket request, IPAddress server, string message)
    {
        DhcpPacket nak = Create(request, DhcpMessageType.Nak, server, IPAddress.Any, IPAddress.Any, [Text(DhcpOptionCode.Message, message)], null);
        return request.IsRelayed ? nak with { Flags = (ushort)(nak.Flags | DhcpPacket.BroadcastFlag) } : nak;
    }

    /// <summary>Options 1, 3, 6, 15 and 28 for <paramref name="subnet"/>.</summary>
    public static IEnumerable<DhcpOption> SubnetOptions(DhcpSubnet subnet)
    {
        yield return new DhcpOption(DhcpOptionCode.SubnetMask, Ipv4.Bytes(Ipv4.SubnetMask(subnet.Network)));
        if (subnet.Gateway is not null)
        {
            yield return new DhcpOption(DhcpOptionCode.Router, Ipv4.Bytes(subnet.Gateway));
        }

        if (subnet.DnsServers.Count > 0)
        {
            yield return new DhcpOption(DhcpOptionCode.DomainNameServer, [.. subnet.DnsServers.SelectMany(Ipv4.Bytes)]);
        }

        if (subnet.DomainName.Length > 0)
        {
            yield return Text(DhcpOptionCode.DomainName, subnet.DomainName);
        }

        yield return new DhcpOption(DhcpOptionCode.BroadcastAddress, Ipv4.Bytes(Ipv4.Broadcast(subnet.Network)));
    }

    /// <summary>Options 51, 58 (T1 = ½) and 59 (T2 = ⅞) for a lease of <paramref name="leaseTime"/>.</summary>
    public static IEnumerable<DhcpOption> LeaseOptions(TimeSpan leaseTime)
    {
        uint seconds = (uint)Math.Clamp(leaseTime.TotalSeconds, 1, uint.MaxValue - 1);
        yield return Seconds(DhcpOptionCode.LeaseTime, seconds);
        yield return Seconds(DhcpOptionCode.RenewalTime, seconds / 2);
        yield return Seconds(DhcpOptionCode.RebindingTime, (uint)(seconds * 7UL / 8));
    }

    public static DhcpOption Text(byte code, string text) => new(code, Encoding.ASCII.GetBytes(text));

    private static DhcpOption Seconds(byte code, uint seconds)
    {
        byte[] value = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(value, seconds);
        return new DhcpOption(code, value);
    }
}
