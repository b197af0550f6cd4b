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

    /// <summary>MAAS's block-device tags, e.g. <c>ssd</c>, <c>rotary</c>.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Whether this is the boot disk (MAAS's <c>boot_disk</c>).</summary>
    public bool IsBootDisk { get; set; }

    public BlockDevice Copy() => new()
    {
        Name = Name,
        Model = Model,
        Serial = Serial,
        SizeBytes = SizeBytes,
        BlockSize = BlockSize,
        Tags = [.. Tags],
        IsBootDisk = IsBootDisk,
    };
}
