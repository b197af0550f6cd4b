namespace Ingot.Core.BootResources;

/// <summary>
/// One version of a boot resource (MAAS's <c>BootResourceSet</c>): a version string such as
/// <c>20261126</c> or <c>20261126.1</c>, a label (<c>stable</c>, <c>candidate</c>, <c>uploaded</c>) and its files.
/// </summary>
public sealed class BootResourceSet
{
    public long Id { get; set; }

    public long ResourceId { get; set; }

    public required string Version { get; set; }

    public string Label { get; set; } = "";

    public List<BootResourceFile> Files { get; set; } = [];

    /// <summary>A set is complete when it has files and all of them are.</summary>
    public bool Complete => Files.Count > 0 && Files.All(f => f.Complete);

    /// <summary>The total size of its files in bytes.</summary>
    public long Size => Files.Sum(f => f.Size);

    /// <summary>Bytes received over bytes expected, in percent, as MAAS's <c>sync_progress</c>.</summary>
    public double Progress => Size == 0 ? 0 : 100.0 * Files.Sum(f => f.Complete ? f.Size : f.Received) / Size;
}
