using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// The UEFI Debian walk (OVMF on q35, its UEFI variables kept as a machine's NVRAM; <see cref="DebianWalk"/>, logs <c>du-*</c>):
/// Ingot records the machine's boot method from iPXE (<c>uefi</c>), so the flat layout has MAAS's EFI system partition; the
/// installer puts GRUB's EFI image at the ESP's removable path and, as curtin's <c>update_nvram</c>, an NVRAM entry
/// <c>debian</c> second in <c>BootOrder</c> after the network entry the installer booted from. After the installer's reboot, and
/// at every boot of the deployed machine, the firmware boots the network first, Ingot's local boot hands back (iPXE's
/// <c>exit 1</c>) and the firmware goes on to the <c>debian</c> entry; the deployed system's <c>efibootmgr</c> shows that order,
/// and the release with quick erase boots the network again. The E2E stage's one Debian walk (docs/fullfi-notes.md, "E2E stage
/// bound"): its machine is added through the API; UEFI enlistment is walked by <see cref="NetworkBootTests"/>.
/// </summary>
public sealed class DebianUefiDeploymentTests
{
    [Fact]
    public Task On_a_uefi_machine_the_debian_tarball_gets_an_esp_with_grub_at_the_removable_path_and_boots_from_disk_to_deployed() =>
        DebianWalk.RunAsync(new DebianMachine("du", "debian-uefi", 0x07, Firmware.Uefi));
}
