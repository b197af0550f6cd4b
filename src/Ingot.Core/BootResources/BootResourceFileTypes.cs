namespace Ingot.Core.BootResources;

/// <summary>
/// MAAS's <c>BOOT_RESOURCE_FILE_TYPE</c> names, and the upload <c>filetype</c> values of
/// <c>boot-resources create</c> with the file type each is stored as.
/// </summary>
public static class BootResourceFileTypes
{
    public const string Kernel = "boot-kernel";
    public const string Initrd = "boot-initrd";
    public const string Dtb = "boot-dtb";
    public const string Squashfs = "squashfs";
    public const string RootTgz = "root-tgz";
    public const string RootTbz = "root-tbz";
    public const string RootTxz = "root-txz";
    public const string RootDd = "root-dd";

    /// <summary>The file types a simplestreams item may carry (its <c>ftype</c>), as MAAS stores them.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Kernel, Initrd, Dtb, Squashfs, RootTgz, RootTbz, RootTxz, RootDd,
        "root-dd.tar", "root-dd.raw", "root-dd.bz2", "root-dd.gz", "root-dd.xz", "root-dd.tar.xz",
        "root-image.gz", "bootloader", "archive.tar.xz", "manifest",
    };

    /// <summary>The <c>filetype</c> parameter of an upload (default <c>tgz</c>) → (file type, file name).</summary>
    public static IReadOnlyDictionary<string, (string FileType, string Filename)> Uploads { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["tgz"] = (RootTgz, "root-tgz"),
            ["tbz"] = (RootTbz, "root-tbz"),
            ["txz"] = (RootTxz, "root-txz"),
            ["ddtgz"] = (RootDd, "root-dd"),
            ["ddtbz"] = ("root-dd.tar.bz2", "root-dd.tar.bz2"),
            ["ddtxz"] = ("root-dd.tar.xz", "root-dd.tar.xz"),
            ["ddtar"] = ("root-dd.tar", "root-dd.tar"),
            ["ddbz2"] = ("root-dd.bz2", "root-dd.bz2"),
            ["ddgz"] = ("root-dd.gz", "root-dd.gz"),
            ["ddxz"] = ("root-dd.xz", "root-dd.xz"),
            ["ddraw"] = ("root-dd.raw", "root-dd.raw"),
            [Kernel] = (Kernel, Kernel),
            [Initrd] = (Initrd, Initrd),
            [Squashfs] = (Squashfs, Squashfs),
        };
}
