namespace Ingot.Core.BootResources;

/// <summary>
/// A file of a boot resource set (MAAS's <c>BootResourceFile</c>): its name, its type
/// (<see cref="BootResourceFileTypes"/>), the SHA-256 and size it must have, and whether its content is on
/// disk (<see cref="Complete"/>). Content is stored by SHA-256, so <see cref="Sha256"/> names it on disk.
/// <see cref="Received"/> counts the bytes of an upload in progress.
/// </summary>
public sealed class BootResourceFile
{
    public long Id { get; set; }

    public long SetId { get; set; }

    public required string Filename { get; set; }

    public required string FileType { get; set; }

    public required string Sha256 { get; set; }

    public long Size { get; set; }

    public bool Complete { get; set; }

    public long Received { get; set; }

    /// <summary>How MAAS names the content on disk: the first seven hex digits of the SHA-256.</summary>
    public string FilenameOnDisk => Sha256.Length >= 7 ? Sha256[..7] : Sha256;

    public double Progress => Complete ? 100 : Size == 0 ? 0 : 100.0 * Received / Size;
}
