namespace Ingot.Core.Storage;

/// <summary>
/// A device that a volume group or RAID is built from: a whole disk (<see cref="PartitionIndex"/> null),
/// a partition of a disk (its index in the disk's partition table, from 0), or a RAID's md device
/// (<see cref="RaidId"/>).
/// </summary>
public sealed record StorageMember(long DiskId, int? PartitionIndex = null, long? RaidId = null)
{
    public static StorageMember Disk(long diskId) => new(diskId);

    public static StorageMember Partition(long diskId, int index) => new(diskId, index);

    public static StorageMember Raid(long raidId) => new(0, null, raidId);
}
