namespace Ingot.Core.Storage;

/// <summary>
/// A machine's storage beyond its disks' partitions: volume groups and RAIDs (MAAS's filesystem groups
/// and the virtual block devices they make). Ids are per machine, from 1, never reused while the groups exist.
/// </summary>
public sealed class StorageGroups
{
    public List<VolumeGroup> VolumeGroups { get; set; } = [];

    public List<Raid> Raids { get; set; } = [];

    public StorageGroups Copy() => new() { VolumeGroups = [.. VolumeGroups.Select(v => v.Copy())], Raids = [.. Raids.Select(r => r.Copy())] };

    /// <summary>The next free id for a volume group, logical volume or RAID.</summary>
    public long NextId() =>
        1 + VolumeGroups.Select(v => v.Id)
            .Concat(VolumeGroups.SelectMany(v => v.LogicalVolumes).Select(l => l.Id))
            .Concat(Raids.Select(r => r.Id))
            .DefaultIfEmpty(0)
            .Max();
}
