using System.Buffers.Binary;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Ingot.Core.Boot;

namespace Ingot.Boot.Dhcp;

/// <summary>Builds replies (RFC 2131 §4.3.1 table 3): header fields copied from the request, options in order.</summary>
internal static class DhcpReply
{
    public static DhcpPacket Create(DhcpPacket request, DhcpMessageType type, IPAddress server, IPAddress yourAddress, IPAddress clientAddress, IEnumerable<DhcpOption> options, PxeBoot? boot)
    {
        var all = new List<DhcpOption>(16)
        {
            s_messageTypes[(int)type],
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

    /// <summary>Option 53 for each message type, made once: option values are never changed after they are made.</summary>
    private static readonly DhcpOption[] s_messageTypes = [.. Enumerable.Range(0, 256).Select(t => new DhcpOption(DhcpOptionCode.MessageType, [(byte)t]))];

    /// <summary>
    /// Options 1, 3, 6, 15 and 28 for <paramref name="subnet"/>, made once per subnet record (a new
    /// configuration brings new records).
    /// </summary>
    public static IReadOnlyList<DhcpOption> SubnetOptions(DhcpSubnet subnet) => s_subnetOptionsMade.GetValue(subnet, s => [.. MakeSubnetOptions(s)]);

    private static readonly ConditionalWeakTable<DhcpSubnet, DhcpOption[]> s_subnetOptionsMade = [];

    private static IEnumerable<DhcpOption> MakeSubnetOptions(DhcpSubnet subnet)
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
    public static IReadOnlyList<DhcpOption> LeaseOptions(TimeSpan leaseTime)
    {
        uint seconds = (uint)Math.Clamp(leaseTime.TotalSeconds, 1, uint.MaxValue - 1);
        if (s_lastLeaseOptions is { } last && last.Seconds == seconds)
        {
            return last.Options;
        }

        DhcpOption[] options =
        [
            Seconds(DhcpOptionCode.LeaseTime, seconds),
            Seconds(DhcpOptionCode.RenewalTime, seconds / 2),
            Seconds(DhcpOptionCode.RebindingTime, (uint)(seconds * 7UL / 8)),
        ];
        s_lastLeaseOptions = new LeaseOptionsMade(seconds, options);
        return options;
    }

    /// <summary>The options of the last lease time asked for (most servers have one or two lease times).</summary>
    private static LeaseOptionsMade? s_lastLeaseOptions;

    private sealed record LeaseOptionsMade(uint Seconds, DhcpOption[] Options);

    public static DhcpOption Text(byte code, string text) => new(code, Encoding.ASCII.GetBytes(text));

    private static DhcpOption Seconds(byte code, uint seconds)
    {
        byte[] value = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(value, seconds);
        return new DhcpOption(code, value);
    }
}
