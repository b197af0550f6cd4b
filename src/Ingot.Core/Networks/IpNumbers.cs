using System.Net;
using System.Net.Sockets;

namespace Ingot.Core.Networks;

/// <summary>IP addresses as unsigned numbers (IPv4 in the low 32 bits), for ranges and searches.</summary>
public static class IpNumbers
{
    public static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int written);
        UInt128 value = 0;
        for (int i = 0; i < written; i++)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    public static IPAddress FromNumber(UInt128 value, AddressFamily family)
    {
        int length = family == AddressFamily.InterNetwork ? 4 : 16;
        var bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    public static int Compare(IPAddress a, IPAddress b) => ToNumber(a).CompareTo(ToNumber(b));

    /// <summary>The first and last address of the network (network and broadcast addresses for IPv4).</summary>
    public static (UInt128 First, UInt128 Last) Bounds(IPNetwork network)
    {
        int bits = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        UInt128 first = ToNumber(network.BaseAddress);
        int hostBits = bits - network.PrefixLength;
        UInt128 size = hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return (first, first + size);
    }

    /// <summary>Parses an address literal (no scope, no port); null when it is not one.</summary>
    public static IPAddress? Parse(string? text) =>
        !string.IsNullOrWhiteSpace(text) && IPAddress.TryParse(text.Trim(), out IPAddress? address) && !text.Contains('%', StringComparison.Ordinal)
            && (address.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3)
            ? address
            : null;

    /// <summary>Parses <c>address/prefix</c> into its canonical network; null when it is not a CIDR.</summary>
    public static IPNetwork? ParseCidr(string? text)
    {
        int slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0)
        {
            return null;
        }

        IPAddress? address = Parse(text[..slash]);
        if (address is null || !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int prefix))
        {
            return null;
        }

        int bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix > bits)
        {
            return null;
        }

        UInt128 mask = prefix == 0 ? 0 : (bits == 128 ? UInt128.MaxValue : (UInt128)uint.MaxValue) << (bits - prefix);
        if (bits == 32)
        {
            mask &= uint.MaxValue;
        }

        return new IPNetwork(FromNumber(ToNumber(address) & mask, address.AddressFamily), prefix);
    }
}
