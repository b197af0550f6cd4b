using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// A real Debian deployment on a BIOS machine (issue 6), MAAS's flat layout as commissioning left it (<see cref="DebianWalk"/>):
/// the installer lays the tarball on vda2, runs the target's grub-install (i386-pc, into the bios_grub partition) and
/// update-grub; the network boot hands over to the disk with iPXE's sanboot, GRUB boots Debian from the plain ext4 root
/// partition, and cloud-init's MAAS datasource reads the user-data (DEPLOYED). Logs <c>dd-*</c>.
/// Explicit (run with <c>-explicit on</c>, docs/fullfi-notes.md "E2E stage bound"): the E2E stage's 15 minutes hold one Debian walk,
/// the UEFI one; a BIOS Debian system booting through GRUB's i386-pc image is walked by the storage walk
/// (<see cref="DebianStorageDeploymentTests"/>, root on LVM over RAID) and installed flat on a loop disk by <see cref="DebianTarballInstallTests"/>.
/// </summary>
public sealed class DebianDeploymentTests
{
    [Fact(Explicit = true)]
    public Task A_debian_root_tarball_is_installed_with_grub_boots_from_disk_and_its_cloud_init_reads_user_data_through_the_maas_datasource() =>
        DebianWalk.RunAsync(new DebianMachine("dd", "debian", 0x06, Firmware.Bios));
}
