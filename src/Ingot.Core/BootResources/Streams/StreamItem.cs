namespace Ingot.Core.BootResources.Streams;

/// <summary>
/// One file of one version of one product in a simplestreams product file, with the product fields MAAS
/// uses (os, release, arch, subarch, label) already resolved from the levels above it.
/// </summary>
public sealed record StreamItem(
    string Product,
    string Version,
    string Os,
    string Release,
    string Arch,
    string Subarch,
    string Label,
    string FileType,
    string Path,
    string Sha256,
    long Size,
    IReadOnlyDictionary<string, string> Fields);
