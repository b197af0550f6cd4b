namespace Ingot.Core.Storage;

/// <summary>
/// The ids the API shows for things Core keeps without a row of their own: a partition is
/// <c>disk id × 1000 + position</c> (from 1, as the machine JSON shows it); a virtual block device (a
/// logical volume or a RAID's md device) is <see cref="VirtualBase"/> + its per-machine id, far above any disk's id.
/// </summary>
public static class StorageIds
{
    public const long VirtualBase = 1_000_000_000_000;

    public static long Partition(long diskId, int index) => (diskId * 1000) + index + 1;

    public static long Virtual(long localId) => VirtualBase + localId;

    /// <summary>The disk id and partition index of a partition id.</summary>
    public static (long DiskId, int Index) SplitPartition(long partitionId) => (partitionId / 1000, (int)(partitionId % 1000) - 1);
}
