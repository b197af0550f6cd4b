using System.Security.Cryptography;
using System.Text;

namespace Ingot.Wire.Machines;

/// <summary>
/// Identifiers MAAS stores but Core's hardware model does not carry yet: the ids of interface
/// links and partitions (the database has them as hidden columns) and the UUIDs of partitions and
/// filesystems. They are derived, stable for as long as the hardware is unchanged, unique within a
/// machine, and resolvable: <c>parent id × 1000 + position</c> (position from 1), and a name-based
/// UUID of the machine, device and position. When Core gains real ids, only this file changes.
/// </summary>
internal static class DerivedIds
{
    private const long Stride = 1000;

    /// <summary>The id of the link at <paramref name="index"/> of interface <paramref name="interfaceId"/>.</summary>
    public static long Link(long interfaceId, int index) => (interfaceId * Stride) + index + 1;

    /// <summary>The id of the partition at <paramref name="index"/> of block device <paramref name="deviceId"/>.</summary>
    public static long Partition(long deviceId, int index) => (deviceId * Stride) + index + 1;

    /// <summary>A stable UUID for a named thing of a machine: SHA-256 of its name, laid out as an RFC 9562 version-8 UUID.</summary>
    public static string Uuid(string systemId, string kind, long deviceId, int index)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"ingot/{systemId}/{kind}/{deviceId}/{index}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
