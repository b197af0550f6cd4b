namespace Ingot.Core.Hardware;

/// <summary>A physical block device of a machine, as commissioning reports it.</summary>
public sealed class BlockDevice
{
    public long Id { get; set; }

    /// <summary>Kernel name, e.g. <c>sda</c>.</summary>
    public required string Name { get; set; }

    public string Model { get; set; } = "";

    public string Serial { get; set; } = "";

    public long SizeBytes { get; set; }

    public int BlockSize { get; set; } = 512;

    /// <summary>MAAS's <c>id_path</c>: <c>/dev/disk/by-id/...</c>, or <c>/dev/&lt;name&gt;</c>; "" when never commissioned.</summary>
    public string IdPath { get; set; } = "";

    public string FirmwareVersion { get; set; } = "";

    /// <summary>The NUMA node the disk hangs off (MAAS's <c>numa_node</c> index).</summary>
    public int NumaNode { get; set; }

    /// <summary>MAAS's block-device tags, e.g. <c>ssd</c>, <c>rotary</c>.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Whether this is the boot disk (MAAS's <c>boot_disk</c>).</summary>
    public bool IsBootDisk { get; set; }

    /// <summary>The storage configuration on this disk: its partition table's partitions (MAAS's <c>PartitionTable</c>).</summary>
    public List<Partition> Partitions { get; set; } = [];

    /// <summary>A filesystem directly on the whole disk, without a partition table.</summary>
    public Filesystem? Filesystem { get; set; }

    public BlockDevice Copy() => new()
    {
        Name = Name,
        Model = Model,
        Serial = Serial,
        SizeBytes = SizeBytes,
        BlockSize = BlockSize,
        IdPath = IdPath,
        FirmwareVersion = FirmwareVersion,
        NumaNode = NumaNode,
        Tags = [.. Tags],
        IsBootDisk = IsBootDisk,
        Partitions = [.. Partitions.Select(p => p.Copy())],
        Filesystem = Filesystem?.Copy(),
    };
}
