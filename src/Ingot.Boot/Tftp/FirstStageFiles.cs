namespace Ingot.Boot.Tftp;

/// <summary>
/// The first-stage boot loaders Debian installs, by the name TFTP (and HTTP boot under
/// <see cref="BootUrls.FirstStagePath"/>) serves them under: iPXE from the <c>ipxe</c> package
/// (<c>/usr/lib/ipxe</c>) and, when installed, <c>lpxelinux.0</c> from <c>pxelinux</c> with
/// <c>ldlinux.c32</c> from <c>syslinux-common</c>. Missing files are simply absent.
/// </summary>
public sealed class FirstStageFiles(IReadOnlyDictionary<string, string> files)
{
    /// <summary>Served name → candidate paths, first existing wins.</summary>
    public static IReadOnlyDictionary<string, string[]> Candidates { get; } = new Dictionary<string, string[]>
    {
        ["undionly.kpxe"] = ["/usr/lib/ipxe/undionly.kpxe"],
        ["ipxe.efi"] = ["/usr/lib/ipxe/ipxe.efi"],
        ["snponly.efi"] = ["/usr/lib/ipxe/snponly.efi"],
        ["ipxe.pxe"] = ["/usr/lib/ipxe/ipxe.pxe"],
        ["ipxe.lkrn"] = ["/usr/lib/ipxe/ipxe.lkrn"],
        ["arm64/ipxe.efi"] = ["/usr/lib/ipxe/arm64-efi/ipxe.efi"],
        ["arm64/snponly.efi"] = ["/usr/lib/ipxe/arm64-efi/snponly.efi"],
        ["lpxelinux.0"] = ["/usr/lib/PXELINUX/lpxelinux.0"],
        ["ldlinux.c32"] = ["/usr/lib/syslinux/modules/bios/ldlinux.c32"],
    };

    /// <summary>Served name → path on disk.</summary>
    public IReadOnlyDictionary<string, string> Files { get; } = files;

    /// <summary>The files present on this host: served name → path.</summary>
    public static IReadOnlyDictionary<string, string> Locate() =>
        Candidates
            .Select(c => (c.Key, Path: c.Value.FirstOrDefault(File.Exists)))
            .Where(c => c.Path is not null)
            .ToDictionary(c => c.Key, c => c.Path!, StringComparer.Ordinal);

    /// <summary>The loaders on this host.</summary>
    public static FirstStageFiles OnThisHost() => new(Locate());

    /// <summary>The path of the loader served as <paramref name="name"/> (exact name, no leading slash), or null.</summary>
    public string? Find(string name) => Files.TryGetValue(name, out string? path) && File.Exists(path) ? path : null;
}
