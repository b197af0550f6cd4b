using Ingot.Core.Hardware;

namespace Ingot.Core.Storage;

/// <summary>A software RAID (MAAS's <c>RAID</c> filesystem group): an md device over active and spare members.</summary>
public sealed class Raid
{
    public long Id { get; set; }

    /// <summary>The md device's name, e.g. <c>md0</c>.</summary>
    public required string Name { get; set; }

    /// <summary>MAAS's <c>level</c>: <c>raid-0</c>, <c>raid-1</c>, <c>raid-5</c>, <c>raid-6</c> or <c>raid-10</c>.</summary>
    public required string Level { get; set; }

    /// <summary>The active members; each carries a <c>raid</c> filesystem on the machine's disks.</summary>
    public List<StorageMember> Members { get; set; } = [];

    /// <summary>The spares; each carries a <c>raid-spare</c> filesystem.</summary>
    public List<StorageMember> Spares { get; set; } = [];

    /// <summary>A filesystem directly on the md device (<c>lvm-pv</c> when it is a volume group's member).</summary>
    public Filesystem? Filesystem { get; set; }

    public Raid Copy() => new() { Id = Id, Name = Name, Level = Level, Members = [.. Members], Spares = [.. Spares], Filesystem = Filesystem?.Copy() };
}
