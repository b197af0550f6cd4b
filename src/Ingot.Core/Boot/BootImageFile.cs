namespace Ingot.Core.Boot;

/// <summary>
/// One file of a boot image on local disk, by MAAS's file type name (<c>boot-kernel</c>,
/// <c>boot-initrd</c>, <c>squashfs</c>, <c>root-tgz</c>…), with its size and SHA-256.
/// </summary>
public sealed record BootImageFile(string FileType, string Path, long Size, string Sha256);
