using Ingot.Core.Boot;

namespace Ingot.Core.Curtin;

/// <summary>
/// curtin's <c>sources.goal</c>: where the image to write is and how to write it. MAAS's image file types map
/// to curtin's source types as MAAS's <c>get_xinstall_parameters</c> maps them: root tarballs <c>root-tgz</c>,
/// <c>root-tbz</c>, <c>root-txz</c> → <c>tgz</c>, <c>tbz</c>, <c>txz</c> (laid onto the layout); whole-disk images
/// <c>root-dd.raw</c> → <c>dd-raw</c>, <c>root-dd.gz</c> → <c>dd-gz</c>, <c>root-dd.xz</c> → <c>dd-xz</c>,
/// <c>root-dd.bz2</c> → <c>dd-bz2</c>, <c>root-dd</c> (a tar.gz holding the disk) → <c>dd-tgz</c>,
/// <c>root-dd.tar.bz2</c> → <c>dd-tbz</c>, <c>root-dd.tar.xz</c> → <c>dd-txz</c>, <c>root-dd.tar</c> → <c>dd-tar</c>;
/// <c>squashfs</c> → <c>fsimage</c>.
/// </summary>
public sealed record CurtinSource(string Uri, string Type)
{
    /// <summary>The file types in the order they are preferred, with curtin's source type.</summary>
    public static readonly IReadOnlyList<(string FileType, string SourceType)> Types =
    [
        ("root-tgz", "tgz"),
        ("root-tbz", "tbz"),
        ("root-txz", "txz"),
        ("root-dd.raw", "dd-raw"),
        ("root-dd.gz", "dd-gz"),
        ("root-dd.xz", "dd-xz"),
        ("root-dd.bz2", "dd-bz2"),
        ("root-dd", "dd-tgz"),
        ("root-dd.tar.bz2", "dd-tbz"),
        ("root-dd.tar.xz", "dd-txz"),
        ("root-dd.tar", "dd-tar"),
        ("squashfs", "fsimage"),
    ];

    /// <summary>Whether the image is a whole disk: curtin writes it over the boot disk and no storage layout applies.</summary>
    public bool IsDiskImage => Type.StartsWith("dd-", StringComparison.Ordinal);

    /// <summary>Whether the image is a root tarball (<c>tgz</c>, <c>tbz</c>, <c>txz</c>) laid onto the storage layout.</summary>
    public bool IsRootTarball => Type is "tgz" or "tbz" or "txz";

    /// <summary>The installable file of <paramref name="image"/>, served at <paramref name="baseUrl"/><c>/images/…/stable/&lt;file type&gt;</c>; null when it has none.</summary>
    public static CurtinSource? For(BootImage image, string baseUrl)
    {
        foreach ((string fileType, string sourceType) in Types)
        {
            if (image.Files.ContainsKey(fileType))
            {
                string[] arch = image.Architecture.Split('/');
                string subarch = arch.Length > 1 ? arch[1] : "generic";
                return new CurtinSource($"{baseUrl}/images/{image.Osystem}/{arch[0]}/{subarch}/{image.Series}/stable/{fileType}", sourceType);
            }
        }

        return null;
    }
}
