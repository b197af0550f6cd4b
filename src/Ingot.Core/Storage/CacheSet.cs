namespace Ingot.Core.Storage;

/// <summary>
/// A bcache cache set (MAAS's <c>CacheSet</c>): one cache device, a whole disk or a partition, which carries a
/// <c>bcache-cache</c> filesystem on the machine's disks. Named <c>cacheN</c> by its per-machine id.
/// </summary>
public sealed class CacheSet
{
    public long Id { get; set; }

    /// <summary>The cache device (never a RAID: MAAS offers physical disks and partitions).</summary>
    public required StorageMember Device { get; set; }

    /// <summary>MAAS's name: <c>cache</c> followed by the set's index on the machine.</summary>
    public static string NameOf(StorageGroups groups, CacheSet set) => $"cache{groups.CacheSets.IndexOf(set)}";

    public CacheSet Copy() => new() { Id = Id, Device = Device };
}
