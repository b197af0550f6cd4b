using System.Net;
using System.Net.Sockets;

namespace Ingot.Core.Cloning;

/// <summary>
/// Picks a free address in a subnet (CIDR): the lowest host address not in the used set. IPv4
/// leaves out the network and broadcast addresses (except in /31 and /32); IPv6 leaves out the
/// subnet-router anycast address (the network address itself). Pure: the caller supplies every
/// address already handed out, and adds the one it takes.
/// </summary>
public static class AddressAllocator
{
    /// <summary>Whether <paramref name="cidr"/> is a subnet in CIDR form.</summary>
    public static bool IsSubnet(string? cidr) => cidr is not null && IPNetwork.TryParse(cidr, out _);

    /// <summary>Whether <paramref name="address"/> lies in <paramref name="cidr"/>.</summary>
    public static bool Contains(string cidr, IPAddress address) =>
        IPNetwork.TryParse(cidr, out IPNetwork network) && network.Contains(address);

    /// <summary>The lowest free host address of <paramref name="cidr"/>, or null when the subnet is full.</summary>
    public static IPAddress? Allocate(string cidr, IReadOnlySet<IPAddress> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        if (!IPNetwork.TryParse(cidr, out IPNetwork network))
        {
            throw new ArgumentException($"'{cidr}' is not a subnet in CIDR form.", nameof(cidr));
        }

        bool v4 = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
        int bits = v4 ? 32 : 128;
        int hostBits = bits - network.PrefixLength;
        UInt128 first = ToNumber(network.BaseAddress);
        UInt128 last = hostBits == 128 ? UInt128.MaxValue : first + ((UInt128.One << hostBits) - 1);
        if (v4 && hostBits >= 2)
        {
            first++;
            last--;
        }
        else if (!v4 && hostBits >= 1)
        {
            first++;
        }

        for (UInt128 candidate = first; candidate <= last; candidate++)
        {
            IPAddress address = FromNumber(candidate, v4);
            if (!used.Contains(address))
            {
                return address;
            }

            if (candidate == UInt128.MaxValue)
            {
                break;
            }
        }

        return null;
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 value = 0;
        foreach (byte b in address.GetAddressBytes())
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static IPAddress FromNumber(UInt128 value, bool v4)
    {
        byte[] bytes = new byte[v4 ? 4 : 16];
        for (int i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }
}
