namespace Ingot.Core.Storage;

/// <summary>
/// A machine's storage beyond its disks' partitions: volume groups, RAIDs, bcache cache sets and bcache devices
/// (MAAS's filesystem groups and the virtual block devices they make). Ids are per machine, from 1, never reused
/// while the groups exist.
/// </summary>
public sealed class StorageGroups
{
    public List<VolumeGroup> VolumeGroups { get; set; } = [];

    public List<Raid> Raids { get; set; } = [];

    public List<CacheSet> CacheSets { get; set; } = [];

    public List<Bcache> Bcaches { get; set; } = [];

    /// <summary>Whether any group exists.</summary>
    public bool IsEmpty => VolumeGroups.Count == 0 && Raids.Count == 0 && CacheSets.Count == 0 && Bcaches.Count == 0;

    public StorageGroups Copy() => new()
    {
        VolumeGroups = [.. VolumeGroups.Select(v => v.Copy())],
        Raids = [.. Raids.Select(r => r.Copy())],
        CacheSets = [.. CacheSets.Select(c => c.Copy())],
        Bcaches = [.. Bcaches.Select(b => b.Copy())],
    };

    /// <summary>The next free id for a volume group, logical volume, RAID, cache set or bcache.</summary>
    public long NextId() =>
        1 + VolumeGroups.Select(v => v.Id)
            .Concat(VolumeGroups.SelectMany(v => v.LogicalVolumes).Select(l => l.Id))
            .Concat(Raids.Select(r => r.Id))
            .Concat(CacheSets.Select(c => c.Id))
            .Concat(Bcaches.Select(b => b.Id))
            .DefaultIfEmpty(0)
            .Max();
}
