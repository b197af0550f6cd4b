using Ingot.Core.Boot;

namespace Ingot.Boot.HttpBoot;

/// <summary>
/// The iPXE scripts HTTP boot serves, pure text. The generic script chains to the per-machine one by
/// the MAC iPXE booted from (<c>${netX/mac}</c>) and says the firmware (<c>${platform}</c>: efi, pcbios), which Ingot
/// records as the machine's <c>bios_boot_method</c>; ephemeral boots load kernel and initrd over HTTP as
/// MAAS's <c>config.ephemeral</c> template does (the initrd is named so that an EFI kernel stub finds
/// it through <c>initrd=</c>); local boot boots the first disk on BIOS (MAAS's <c>config.local</c>) and on UEFI
/// exits back to the firmware with a failure status (<c>exit 1</c>), so that its boot manager goes on to the next
/// <c>BootOrder</c> entry, the disk entry the installer put second (curtin's <c>uefi_reorder_loaders</c>). MAAS's
/// UEFI local boot chainloads the ESP's loader from GRUB; iPXE cannot, so the firmware must move on: a plain
/// <c>exit</c> returns EFI_SUCCESS from an iPXE loaded as a network boot program, after which EDK2's boot manager
/// stops going through <c>BootOrder</c> and shows its menu (docs/deploy-notes.md, "UEFI boot entry").
/// </summary>
public static class IpxeScripts
{
    public const string InitrdName = "initrd.img";

    public static string Generic(BootServer server) =>
        "#!ipxe\n" +
        "# Ingot: the per-machine script, by the MAC this boot came from and the firmware.\n" +
        $"chain {server.BaseUrl}/ipxe/mac/${{netX/mac}}/boot.ipxe?platform=${{platform}} || exit\n";

    public static string LocalBoot { get; } =
        "#!ipxe\n" +
        "# Ingot: boot from the local disk.\n" +
        "iseq ${platform} efi && exit 1 ||\n" +
        "sanboot --no-describe --drive 0x80 ||\n" +
        "sanboot --no-describe --drive 0x81 ||\n" +
        "exit\n";

    public static string Ephemeral(BootServer server, BootSelection selection, string kernelOpts = "") =>
        "#!ipxe\n" +
        $"# Ingot: {Describe(selection)}\n" +
        $"kernel {BootImagePaths.Url(server, selection, "boot-kernel")} initrd={InitrdName} " +
        $"{KernelCommandLine.Compose(server, selection, PreseedUrls.For(server, selection), kernelOpts)} BOOTIF=01-${{netX/mac:hexhyp}}\n" +
        $"initrd --name {InitrdName} {BootImagePaths.Url(server, selection, "boot-initrd")}\n" +
        "boot\n";

    /// <summary>When the image the machine needs is not synced: say so, then boot locally.</summary>
    public static string MissingImage(BootSelection selection) =>
        "#!ipxe\n" +
        $"echo Ingot has no boot image for {Describe(selection)}; booting from the local disk.\n" +
        string.Join('\n', LocalBoot.Split('\n').Skip(2));

    private static string Describe(BootSelection s) =>
        $"{s.Purpose.ToString().ToLowerInvariant()} {s.Osystem}/{s.Series} {s.Architecture}";
}
