using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Ingot.Boot.Dhcp;

/// <summary>IPv4 addresses as 32-bit numbers, for walking ranges.</summary>
internal static class Ipv4
{
    public static uint ToNumber(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return 0;
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static IPAddress FromNumber(uint number)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, number);
        return new IPAddress(bytes);
    }

    public static byte[] Bytes(IPAddress address) => address.MapToIPv4().GetAddressBytes();

    public static uint Mask(IPNetwork network) => network.PrefixLength == 0 ? 0 : uint.MaxValue << (32 - network.PrefixLength);

    public static IPAddress SubnetMask(IPNetwork network) => FromNumber(Mask(network));

    public static IPAddress Broadcast(IPNetwork network) => FromNumber(ToNumber(network.BaseAddress) | ~Mask(network));

    /// <summary>In the network, and neither its network nor its broadcast address (for prefixes up to /30).</summary>
    public static bool IsHostAddress(IPNetwork network, IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork || !network.Contains(address))
        {
            return false;
        }

        uint n = ToNumber(address);
        uint first = ToNumber(network.BaseAddress);
        return network.PrefixLength > 30 || (n != first && n != (first | ~Mask(network)));
    }
}
