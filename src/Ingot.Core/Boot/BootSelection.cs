namespace Ingot.Core.Boot;

/// <summary>
/// What one network boot loads: the purpose, and for an ephemeral boot the image (os, series,
/// architecture, subarchitecture or kernel), plus the hostname the kernel command line carries.
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
}
