namespace Ingot.Core.Storage;

/// <summary>An LVM volume group (MAAS's <c>VolumeGroup</c> filesystem group) with its physical volumes and logical volumes.</summary>
public sealed class VolumeGroup
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The physical volumes; each carries an <c>lvm-pv</c> filesystem on the machine's disks.</summary>
    public List<StorageMember> Members { get; set; } = [];

    public List<LogicalVolume> LogicalVolumes { get; set; } = [];

    public VolumeGroup Copy() => new() { Id = Id, Name = Name, Members = [.. Members], LogicalVolumes = [.. LogicalVolumes.Select(l => l.Copy())] };
}
