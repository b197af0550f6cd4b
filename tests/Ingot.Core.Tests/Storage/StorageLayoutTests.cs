using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;

namespace Ingot.Core.Tests.Storage;

public sealed class StorageLayoutTests
{
    private const long GiB = StorageMachines.GiB;

    [Fact]
    public void Flat_on_a_UEFI_machine_gives_an_EFI_partition_and_an_ext4_root_over_the_rest()
    {
        Machine machine = StorageMachines.With(true, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        var sda = machine.BlockDevices[0];
        Assert.Equal(2, sda.Partitions.Count);
        Assert.Equal(("fat32", "/boot/efi", 512L * 1024 * 1024), (sda.Partitions[0].Filesystem!.Type, sda.Partitions[0].Filesystem!.MountPoint, sda.Partitions[0].SizeBytes));
        Assert.Equal(("ext4", "/", "root"), (sda.Partitions[1].Filesystem!.Type, sda.Partitions[1].Filesystem!.MountPoint, sda.Partitions[1].Filesystem!.Label));
        Assert.True(sda.Partitions.Sum(p => p.SizeBytes) + StorageSpace.TableOverhead(machine) <= sda.SizeBytes);
        Assert.Equal(0, sda.Partitions[1].SizeBytes % StorageSpace.Alignment);
        Assert.Empty(StorageCheck.Problems(machine));
        Golden.Match("flat-uefi.yaml", Curtin(machine));
    }

    [Fact]
    public void Flat_on_a_BIOS_machine_has_no_EFI_partition_and_curtin_gets_a_bios_grub_partition()
    {
        Machine machine = StorageMachines.With(false, 20);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat", BootSize: "1G"));
        Assert.Equal(["/boot", "/"], machine.BlockDevices[0].Partitions.Select(p => p.Filesystem!.MountPoint));
        string yaml = Curtin(machine);
        Assert.Contains("flag: bios_grub", yaml, StringComparison.Ordinal);
        Golden.Match("flat-bios-boot.yaml", yaml);
    }

    [Fact]
    public void Lvm_puts_the_root_partition_in_vgroot_with_lvroot_as_root()
    {
        Machine machine = StorageMachines.With(true, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("lvm", LvSize: "50%"));
        VolumeGroup group = Assert.Single(machine.Storage.VolumeGroups);
        Assert.Equal("vgroot", group.Name);
        LogicalVolume lv = Assert.Single(group.LogicalVolumes);
        Assert.Equal(("lvroot", "/"), (lv.Name, lv.Filesystem!.MountPoint));
        Assert.Equal(StorageSpace.VolumeGroupSize(machine, group) / 2 / StorageSpace.Alignment, lv.SizeBytes / StorageSpace.Alignment, tolerance: 1);
        Assert.Equal(StorageFilesystems.LvmPv, machine.BlockDevices[0].Partitions[1].Filesystem!.Type);
        Assert.Empty(StorageCheck.Problems(machine));
        Golden.Match("lvm-uefi.yaml", Curtin(machine));
    }

    /// <summary>
    /// MAAS's <c>VolumeGroup.get_lvm_size</c>: the physical volumes in whole 4 MiB extents less one extent per volume
    /// for LVM's headers; the lvm layout's lvroot without <c>lv_size</c> is that whole size (<c>get_calculated_lv_size</c>),
    /// so nothing is left and the logical volume fits what LVM can really give (one extent less than the partition).
    /// </summary>
    [Fact]
    public void A_volume_group_is_its_members_in_whole_extents_less_one_per_member_and_lvroot_takes_it_all()
    {
        Machine machine = StorageMachines.With(true, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("lvm"));
        VolumeGroup group = Assert.Single(machine.Storage.VolumeGroups);
        long partition = machine.BlockDevices[0].Partitions[1].SizeBytes;
        const long Extent = 4L * 1024 * 1024;
        Assert.Equal(((partition / Extent) - 1) * Extent, StorageSpace.VolumeGroupSize(machine, group));
        Assert.Equal(partition - Extent, StorageSpace.VolumeGroupSize(machine, group));
        Assert.Equal(StorageSpace.VolumeGroupSize(machine, group), Assert.Single(group.LogicalVolumes).SizeBytes);
        Assert.Equal(0, StorageSpace.VolumeGroupFree(machine, group));
        Assert.Empty(StorageCheck.Problems(machine));

        // Two members that are not whole extents: the rest of each is lost, then one extent each for the headers.
        machine.BlockDevices.Add(new BlockDevice { Id = 91, Name = "sdb", SizeBytes = (10 * Extent) + 1000, Serial = "b" });
        machine.BlockDevices.Add(new BlockDevice { Id = 92, Name = "sdc", SizeBytes = (7 * Extent) + (Extent / 2), Serial = "c" });
        var pair = new VolumeGroup { Name = "pair", Members = [StorageMember.Disk(machine.BlockDevices[^2].Id), StorageMember.Disk(machine.BlockDevices[^1].Id)] };
        Assert.Equal((17 - 2) * Extent, StorageSpace.VolumeGroupSize(machine, pair));
        Assert.Equal(0, StorageSpace.VolumeGroupSize(machine, new VolumeGroup { Name = "empty" }));
    }

    [Fact]
    public void Lvm_takes_the_given_names()
    {
        Machine machine = StorageMachines.With(true, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("lvm", VgName: "system", LvName: "root"));
        Assert.Equal(("system", "root"), (machine.Storage.VolumeGroups[0].Name, machine.Storage.VolumeGroups[0].LogicalVolumes[0].Name));
    }

    [Fact]
    public void Blank_clears_everything_and_the_machine_cannot_be_deployed()
    {
        Machine machine = StorageMachines.With(true, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("lvm"));
        StorageLayout.Apply(machine, new StorageLayoutRequest("blank"));
        Assert.Empty(machine.BlockDevices[0].Partitions);
        Assert.Empty(machine.Storage.VolumeGroups);
        Assert.Contains("Mount the root '/' filesystem to be able to deploy this node.", StorageCheck.Problems(machine));
        Golden.Match("blank.yaml", Curtin(machine));
    }

    [Fact]
    public void Root_device_puts_the_root_partition_on_another_disk()
    {
        Machine machine = StorageMachines.With(true, 100, 200);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat", RootDevice: "12"));
        Assert.Equal("/boot/efi", Assert.Single(machine.BlockDevices[0].Partitions).Filesystem!.MountPoint);
        Assert.Equal("/", Assert.Single(machine.BlockDevices[1].Partitions).Filesystem!.MountPoint);
    }

    [Fact]
    public void A_disk_too_small_for_a_root_filesystem_is_refused_and_nothing_changes()
    {
        Machine machine = StorageMachines.With(true, 3);
        StorageLayout.Apply(machine, new StorageLayoutRequest("blank"));
        var error = Assert.Throws<MachineOperationException>(() => StorageLayout.Apply(machine, new StorageLayoutRequest("flat")));
        Assert.Equal(ErrorCategory.BadRequest, error.Category);
        Assert.Contains("root", error.Message, StringComparison.Ordinal);
        Assert.Empty(machine.BlockDevices[0].Partitions);
    }

    [Fact]
    public void A_root_size_larger_than_the_boot_disk_is_refused_with_MAASs_message()
    {
        Machine machine = StorageMachines.With(true, 10);
        var error = Assert.Throws<MachineFormException>(() => StorageLayout.Apply(machine, new StorageLayoutRequest("flat", RootSize: "20G")));
        Assert.StartsWith("Size is too large. Maximum size is ", Assert.Single(error.Errors["root_size"]), StringComparison.Ordinal);
        Assert.Empty(machine.BlockDevices[0].Partitions);
    }

    [Fact]
    public void Sizes_lv_names_and_root_devices_that_make_no_sense_are_refused_per_field()
    {
        Machine machine = StorageMachines.With(true, 100);
        var error = Assert.Throws<MachineFormException>(() => StorageLayout.Apply(machine, new StorageLayoutRequest("lvm", BootSize: "1M", RootDevice: "99")));
        Assert.StartsWith("Size is too small. Minimum size is ", Assert.Single(error.Errors["boot_size"]), StringComparison.Ordinal);
        Assert.Contains("is not a valid root_device", Assert.Single(error.Errors["root_device"]), StringComparison.Ordinal);
        var lv = Assert.Throws<MachineFormException>(() => StorageLayout.Apply(machine, new StorageLayoutRequest("lvm", LvSize: "900G", VgName: "-bad")));
        Assert.StartsWith("Size is too large.", Assert.Single(lv.Errors["lv_size"]), StringComparison.Ordinal);
        Assert.Equal(StorageNames.InvalidMessage, Assert.Single(lv.Errors["vg_name"]));
        Assert.Empty(machine.BlockDevices[0].Partitions);
    }

    [Fact]
    public void A_machine_without_disks_and_unknown_or_unsupported_layouts_are_refused()
    {
        Machine none = StorageMachines.With(true);
        Assert.Equal("Machine is missing a boot disk; no storage layout can be applied.",
            Assert.Throws<MachineOperationException>(() => StorageLayout.Apply(none, new StorageLayoutRequest("flat"))).Message);
        Machine machine = StorageMachines.With(true, 100);
        var unknown = Assert.Throws<MachineFormException>(() => StorageLayout.Apply(machine, new StorageLayoutRequest("zfs")));
        Assert.Equal("Select a valid choice. zfs is not one of the available choices.", Assert.Single(unknown.Errors["storage_layout"]));
        Assert.Contains("bcache", Assert.Throws<MachineOperationException>(() => StorageLayout.Apply(machine, new StorageLayoutRequest("bcache"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_layout_after_commissioning_is_flat_and_a_disk_too_small_stays_blank()
    {
        Machine machine = StorageMachines.With(true, 100);
        Assert.True(DefaultStorage.Apply(machine, null));
        Assert.Equal("/", machine.BlockDevices[0].Partitions[^1].Filesystem!.MountPoint);
        Machine small = StorageMachines.With(true, 2);
        Assert.False(DefaultStorage.Apply(small, "lvm"));
        Assert.Empty(small.BlockDevices[0].Partitions);
    }

    [Fact]
    public void Partitions_that_no_longer_fit_a_shrunken_disk_are_a_deploy_problem()
    {
        Machine machine = StorageMachines.With(true, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        machine.BlockDevices[0].SizeBytes = 50 * GiB;
        Assert.Contains(StorageCheck.Problems(machine), p => p.StartsWith("The partitions on sda need", StringComparison.Ordinal));
    }

    private static string Curtin(Machine machine) =>
        Core.Rendering.YamlText.Write(new System.Text.Json.Nodes.JsonObject { ["storage"] = CurtinStorage.Render(machine) });
}
