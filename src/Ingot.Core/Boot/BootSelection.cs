namespace Ingot.Core.Boot;

/// <summary>
/// What one network boot loads: the purpose, and for an ephemeral boot the image (os, series,
/// architecture, subarchitecture or kernel), plus the hostname the kernel command line carries and the
/// machine's extra kernel options (<see cref="KernelOpts"/>, MAAS's <c>extra_opts</c>; "" for none).
/// </summary>
public sealed record BootSelection(
    BootPurpose Purpose,
    string? SystemId,
    string Hostname,
    string Osystem,
    string Series,
    string Arch,
    string Subarch)
{
    /// <summary>The architecture as the boot-image catalog keys it: <c>amd64/generic</c>.</summary>
    public string Architecture => $"{Arch}/{Subarch}";

    public string KernelOpts { get; init; } = "";

    /// <summary>
    /// For a deployment to memory of an image with a root tarball (<see cref="MemoryRoot"/>): the tarball's URL, which the
    /// kernel command line carries as <c>ingot_memory_root=</c>; "" otherwise.
    /// </summary>
    public string MemoryRootUrl { get; init; } = "";
}
