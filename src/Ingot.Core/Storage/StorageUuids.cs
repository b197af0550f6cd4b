using System.Security.Cryptography;
using System.Text;

namespace Ingot.Core.Storage;

/// <summary>
/// Stable UUIDs for partitions, filesystems and groups that Core keeps without one: SHA-256 of
/// <c>ingot/&lt;system_id&gt;/&lt;kind&gt;/&lt;device&gt;/&lt;index&gt;</c> laid out as an RFC 9562 version-8 UUID
/// (the same derivation the machine JSON uses, so the API and the curtin config agree).
/// </summary>
public static class StorageUuids
{
    public static string Of(string systemId, string kind, long deviceId, int index)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"ingot/{systemId}/{kind}/{deviceId}/{index}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
