namespace Ingot.Boot.Ipv6;

/// <summary>
/// ICMPv6 router solicitations and advertisements (RFC 4861 §4.1, §4.2), pure. Ingot answers a
/// solicitation on a boot interface with an advertisement that announces nothing: router lifetime 0
/// (not a default router), no prefix, neither the managed nor the other-configuration flag. iPXE's IPv6
/// autoconfiguration finishes on any advertisement without those flags; with none on the link it waits
/// for its solicitations to time out (about 13 s in Debian's 2019 iPXE) before its DHCP step returns.
/// The checksum is left zero: the kernel fills it in for raw ICMPv6 sockets (RFC 3542 §3.1).
/// </summary>
public static class RouterAdvertisement
{
    public const byte SolicitationType = 133;
    public const byte AdvertisementType = 134;

    /// <summary>The hop limit neighbour discovery requires on both sides (RFC 4861 §6.1).</summary>
    public const int HopLimit = 255;

    /// <summary>The header length of a router advertisement without options.</summary>
    public const int Length = 16;

    /// <summary>
    /// True when <paramref name="icmp"/> (an ICMPv6 message, without the IPv6 header) is a well-formed
    /// router solicitation: type 133, code 0, at least 8 bytes, options of non-zero length that fit.
    /// </summary>
    public static bool IsSolicitation(ReadOnlySpan<byte> icmp)
    {
        if (icmp.Length < 8 || icmp[0] != SolicitationType || icmp[1] != 0)
        {
            return false;
        }

        ReadOnlySpan<byte> options = icmp[8..];
        while (options.Length > 0)
        {
            if (options.Length < 2 || options[1] == 0 || options[1] * 8 > options.Length)
            {
                return false;
            }

            options = options[(options[1] * 8)..];
        }

        return true;
    }

    /// <summary>Writes the advertisement into <paramref name="destination"/> (at least <see cref="Length"/> bytes); returns its length.</summary>
    public static int Write(Span<byte> destination)
    {
        destination[..Length].Clear();
        destination[0] = AdvertisementType;
        return Length;
    }
}
