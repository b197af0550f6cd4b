namespace Ingot.Core.Hardware;

/// <summary>A partition of a block device's partition table, with the filesystem on it, if any.</summary>
public sealed class Partition
{
    public long SizeBytes { get; set; }

    public bool Bootable { get; set; }

    public Filesystem? Filesystem { get; set; }

    public Partition Copy() => new() { SizeBytes = SizeBytes, Bootable = Bootable, Filesystem = Filesystem?.Copy() };
}
