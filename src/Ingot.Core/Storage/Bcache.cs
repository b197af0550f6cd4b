using Ingot.Core.Hardware;

namespace Ingot.Core.Storage;

/// <summary>
/// A bcache device (MAAS's <c>Bcache</c> filesystem group): a backing device (disk, partition or RAID) with a
/// <c>bcache-backing</c> filesystem, cached by a cache set, seen as the virtual block device <see cref="Name"/>.
/// </summary>
public sealed class Bcache
{
    /// <summary>MAAS's <c>CACHE_MODE_TYPE</c> values.</summary>
    public static readonly IReadOnlyList<string> CacheModes = ["writeback", "writethrough", "writearound"];

    public long Id { get; set; }

    /// <summary>The device name, e.g. <c>bcache0</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The UUID the client gave, or empty for the derived one.</summary>
    public string Uuid { get; set; } = "";

    public long CacheSetId { get; set; }

    public required StorageMember Backing { get; set; }

    public required string CacheMode { get; set; }

    /// <summary>A filesystem directly on the bcache device.</summary>
    public Filesystem? Filesystem { get; set; }

    public Bcache Copy() => new()
    {
        Id = Id,
        Name = Name,
        Uuid = Uuid,
        CacheSetId = CacheSetId,
        Backing = Backing,
        CacheMode = CacheMode,
        Filesystem = Filesystem?.Copy(),
    };
}
