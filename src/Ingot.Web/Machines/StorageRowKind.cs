namespace Ingot.Web.Machines;

/// <summary>What a row of the storage table is.</summary>
public enum StorageRowKind
{
    Disk,
    Partition,
    Raid,
    VolumeGroup,
    LogicalVolume,
    CacheSet,
    Bcache,
}
