namespace Ingot.Core.Boot;

/// <summary>
/// MAAS's <c>bios_boot_method</c> of a machine, which MAAS's <c>get_config</c> records at every network boot from
/// the boot method that served it and the storage layouts read (<c>uefi</c>: an EFI system partition, no
/// bios_grub partition). Ingot's boots all go through iPXE, so the firmware is told by iPXE's <c>${platform}</c>.
/// </summary>
public static class BiosBootMethods
{
    public const string Pxe = "pxe";
    public const string Uefi = "uefi";

    /// <summary>
    /// The method for iPXE's <c>${platform}</c>: <c>efi</c> → <c>uefi</c>, <c>pcbios</c> → <c>pxe</c> (what MAAS records for
    /// the same firmware); null for anything else (absent, or a client that did not expand the variable).
    /// </summary>
    public static string? FromIpxePlatform(string? platform) => platform switch
    {
        "efi" => Uefi,
        "pcbios" => Pxe,
        _ => null,
    };
}
