namespace Ingot.Core.Boot;

/// <summary>
/// A synced boot image (MAAS's boot resource set): os, series (release), architecture as MAAS writes it
/// (<c>amd64/generic</c>) and its files by file type.
/// </summary>
public sealed record BootImage(
    string Osystem,
    string Series,
    string Architecture,
    IReadOnlyDictionary<string, BootImageFile> Files)
{
    public BootImageFile? Kernel => Files.GetValueOrDefault("boot-kernel");

    public BootImageFile? Initrd => Files.GetValueOrDefault("boot-initrd");
}
