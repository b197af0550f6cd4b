namespace Ingot.Wire.Machines;

/// <summary>
/// One entry of a storage label's matches in <c>constraints_by_type</c>: a block device id (a JSON int)
/// or a partition (the string <c>partition:&lt;id&gt;</c>).
/// </summary>
public readonly record struct StorageMatch(long Id, bool IsPartition)
{
    public static StorageMatch Disk(long deviceId) => new(deviceId, false);

    /// <summary>The partition at <paramref name="index"/> of a device, with the id the machine JSON shows for it.</summary>
    public static StorageMatch Partition(long deviceId, int index) => new(DerivedIds.Partition(deviceId, index), true);
}
