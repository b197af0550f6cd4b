namespace Ingot.Boot.Dhcp;

/// <summary>What <see cref="DhcpCodec.Parse"/> made of a datagram: a packet, or the reason there is none.</summary>
public readonly record struct DhcpParseResult(DhcpPacket? Packet, DhcpParseError Error)
{
    public static DhcpParseResult Failed(DhcpParseError error) => new(null, error);
}
