namespace Ingot.Core.Hardware;

/// <summary>A filesystem on a block device or partition (MAAS's <c>Filesystem</c>): type, mount point and options.</summary>
public sealed class Filesystem
{
    /// <summary>MAAS's <c>fstype</c>, e.g. <c>ext4</c>, <c>xfs</c>, <c>fat32</c>, <c>swap</c>.</summary>
    public required string Type { get; set; }

    public string Label { get; set; } = "";

    public string MountPoint { get; set; } = "";

    public string MountOptions { get; set; } = "";

    public Filesystem Copy() => new() { Type = Type, Label = Label, MountPoint = MountPoint, MountOptions = MountOptions };
}
