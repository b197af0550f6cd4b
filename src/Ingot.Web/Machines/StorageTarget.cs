namespace Ingot.Web.Machines;

/// <summary>
/// A block device (by the storage API's id: a disk, a RAID's md device or a logical volume) or, with
/// <see cref="Partition"/>, one of a disk's partitions (by its API id), whose filesystem a form edits.
/// </summary>
public sealed record StorageTarget(long DeviceId, long? Partition)
{
    /// <summary>How Core's messages name it ("partition", "block device").</summary>
    public string What => Partition is null ? "block device" : "partition";
}
