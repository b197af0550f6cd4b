namespace Ingot.Boot.Dhcp;

/// <summary>
/// The first-stage file for each kind of firmware, as served over TFTP (and over HTTP under
/// <see cref="BootUrls.FirstStagePath"/>). Defaults are the iPXE builds Debian's <c>ipxe</c> package
/// ships; BIOS may use MAAS's <c>lpxelinux.0</c> and UEFI <c>snponly.efi</c> instead.
/// </summary>
public sealed record DhcpBootSettings
{
    public static DhcpBootSettings Default { get; } = new();

    /// <summary>Option 93 type 0 (x86 BIOS): <c>undionly.kpxe</c> or <c>lpxelinux.0</c>.</summary>
    public string BiosLoader { get; init; } = "undionly.kpxe";

    /// <summary>Option 93 types 7 and 9 (x86-64 UEFI): <c>ipxe.efi</c> or <c>snponly.efi</c>.</summary>
    public string UefiLoader { get; init; } = "ipxe.efi";

    /// <summary>
    /// Option 93 type 11 (arm64 UEFI): iPXE's arm64 EFI build, under the name TFTP serves it as
    /// (<see cref="Tftp.FirstStageFiles"/>) so that it sits next to the x86-64 one in one TFTP root.
    /// </summary>
    public string Arm64Loader { get; init; } = "arm64/ipxe.efi";

    /// <summary>The port HTTP boot listens on, which the URLs handed to iPXE and UEFI HTTP clients name (MAAS: 5248).</summary>
    public int HttpPort { get; init; } = BootServices.HttpPort;
}
