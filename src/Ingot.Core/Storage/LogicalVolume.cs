using Ingot.Core.Hardware;

namespace Ingot.Core.Storage;

/// <summary>A logical volume of a volume group (MAAS's virtual block device of an LVM group).</summary>
public sealed class LogicalVolume
{
    public long Id { get; set; }

    /// <summary>The name inside the group, e.g. <c>lvroot</c>; the device is <c>&lt;vg&gt;-&lt;lv&gt;</c>.</summary>
    public required string Name { get; set; }

    public long SizeBytes { get; set; }

    public Filesystem? Filesystem { get; set; }

    public LogicalVolume Copy() => new() { Id = Id, Name = Name, SizeBytes = SizeBytes, Filesystem = Filesystem?.Copy() };
}
