using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Storage;

namespace Ingot.Core.Tests.Storage;

public sealed class CustomStorageTests
{
    [Fact]
    public void A_custom_layout_with_RAID_1_under_LVM_renders_curtins_storage_config_in_dependency_order()
    {
        Machine machine = RaidLvmMachine();
        Assert.Empty(StorageCheck.Problems(machine));
        string yaml = Core.Rendering.YamlText.Write(new System.Text.Json.Nodes.JsonObject { ["storage"] = CurtinStorage.Render(machine) });
        Assert.True(yaml.IndexOf("type: raid", StringComparison.Ordinal) < yaml.IndexOf("type: lvm_volgroup", StringComparison.Ordinal));
        Assert.True(yaml.IndexOf("path: /\n", StringComparison.Ordinal) < yaml.IndexOf("path: /home", StringComparison.Ordinal));
        Golden.Match("custom-raid-lvm.yaml", yaml);
    }

    [Fact]
    public void A_RAID_needs_its_levels_number_of_devices_and_free_members()
    {
        Machine machine = StorageMachines.With(true, 20, 100, 100);
        var few = Assert.Throws<MachineFormException>(() => CustomStorage.CreateRaid(machine, Form(("level", "raid-5"), ("block_devices", "12"), ("block_devices", "13"))));
        Assert.Equal("RAID level 5 must have at least 3 raid devices and any number of spares.", Assert.Single(few.Errors["__all__"]));
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        var used = Assert.Throws<MachineFormException>(() => CustomStorage.CreateRaid(machine, Form(("level", "raid-1"), ("block_devices", "11"), ("block_devices", "12"))));
        Assert.Contains("sda is in use", Assert.Single(used.Errors["block_devices"]), StringComparison.Ordinal);
        var level = Assert.Throws<MachineFormException>(() => CustomStorage.CreateRaid(machine, Form(("level", "raid-4"), ("block_devices", "12"))));
        Assert.Equal("Select a valid choice. raid-4 is not one of the available choices.", Assert.Single(level.Errors["level"]));
        Assert.Empty(machine.Storage.Raids);
        Assert.Null(machine.BlockDevices[1].Filesystem);
    }

    [Fact]
    public void Members_in_use_cannot_be_formatted_deleted_or_reused_and_deleting_a_group_frees_them()
    {
        Machine machine = StorageMachines.With(true, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("lvm"));
        var disk = machine.BlockDevices[0];
        long pv = StorageIds.Partition(disk.Id, 1);
        Assert.Contains("in use", Assert.Throws<MachineOperationException>(() => CustomStorage.DeletePartition(machine, disk, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("in use", Assert.Throws<MachineOperationException>(() => CustomStorage.Format(disk.Partitions[1].Filesystem, false, Form(("fstype", "ext4")), "partition")).Message, StringComparison.Ordinal);
        var reuse = Assert.Throws<MachineFormException>(() => CustomStorage.CreateVolumeGroup(machine, Form(("name", "vg2"), ("partitions", pv.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.Contains("is in use", Assert.Single(reuse.Errors["partitions"]), StringComparison.Ordinal);
        CustomStorage.DeleteVolumeGroup(machine, machine.Storage.VolumeGroups[0]);
        Assert.Null(disk.Partitions[1].Filesystem);
        CustomStorage.DeletePartition(machine, disk, 1);
        Assert.Single(disk.Partitions);
    }

    [Fact]
    public void A_partition_larger_than_what_is_free_is_refused_and_the_default_takes_all_that_is_free()
    {
        Machine machine = StorageMachines.With(true, 10);
        StorageDevice sda = CustomStorage.Device(machine, 11);
        var error = Assert.Throws<MachineFormException>(() => CustomStorage.CreatePartition(machine, sda, Form(("size", "20G"))));
        Assert.StartsWith("Size is too large. Maximum size is ", Assert.Single(error.Errors["size"]), StringComparison.Ordinal);
        CustomStorage.CreatePartition(machine, sda, Form(("size", "1G")));
        CustomStorage.CreatePartition(machine, sda, Form());
        Assert.Equal(0, StorageSpace.Available(machine, machine.BlockDevices[0]));
        var full = Assert.Throws<MachineFormException>(() => CustomStorage.CreatePartition(machine, sda, Form()));
        Assert.Equal("There is no space left on the block device for a partition.", Assert.Single(full.Errors["size"]));
    }

    [Fact]
    public void Mounting_needs_a_filesystem_an_absolute_path_and_a_free_mount_point()
    {
        Machine machine = StorageMachines.With(true, 100, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        StorageDevice sdb = CustomStorage.Device(machine, 12);
        Assert.Equal("Cannot mount an unformatted block device.", Assert.Throws<MachineOperationException>(() => CustomStorage.Mount(machine, sdb.Filesystem, Form(("mount_point", "/srv")), "block device")).Message);
        sdb.Filesystem = CustomStorage.Format(null, false, Form(("fstype", "xfs")), "block device");
        Assert.Equal("Enter a valid absolute path.", Assert.Single(Assert.Throws<MachineFormException>(() => CustomStorage.Mount(machine, sdb.Filesystem, Form(("mount_point", "srv")), "block device")).Errors["mount_point"]));
        Assert.Equal("Another filesystem is already mounted at /.", Assert.Single(Assert.Throws<MachineFormException>(() => CustomStorage.Mount(machine, sdb.Filesystem, Form(("mount_point", "/")), "block device")).Errors["mount_point"]));
        CustomStorage.Mount(machine, sdb.Filesystem, Form(("mount_point", "/srv")), "block device");
        Assert.Equal("/srv", machine.BlockDevices[1].Filesystem!.MountPoint);
        Assert.Contains("Unmount the filesystem", Assert.Throws<MachineOperationException>(() => CustomStorage.CheckUnformat(sdb.Filesystem, "Block device")).Message, StringComparison.Ordinal);
    }

    /// <summary>sda: EFI, /boot and swap; sdb + sdc: RAID-1 md0; md0: the physical volume of vgdata with root (40 GiB) and home (the rest).</summary>
    internal static Machine RaidLvmMachine()
    {
        Machine machine = StorageMachines.With(true, 20, 100, 100);
        StorageLayout.Apply(machine, new StorageLayoutRequest("blank"));
        StorageDevice sda = CustomStorage.Device(machine, 11);
        int efi = CustomStorage.CreatePartition(machine, sda, Form(("size", "536870912"), ("bootable", "true")));
        machine.BlockDevices[0].Partitions[efi].Filesystem = CustomStorage.Format(null, false, Form(("fstype", "fat32"), ("label", "efi")), "partition");
        CustomStorage.Mount(machine, machine.BlockDevices[0].Partitions[efi].Filesystem, Form(("mount_point", "/boot/efi")), "partition");
        int boot = CustomStorage.CreatePartition(machine, sda, Form(("size", "1G")));
        machine.BlockDevices[0].Partitions[boot].Filesystem = CustomStorage.Format(null, false, Form(("fstype", "ext4"), ("label", "boot")), "partition");
        CustomStorage.Mount(machine, machine.BlockDevices[0].Partitions[boot].Filesystem, Form(("mount_point", "/boot")), "partition");
        int swap = CustomStorage.CreatePartition(machine, sda, Form(("size", "2G")));
        machine.BlockDevices[0].Partitions[swap].Filesystem = CustomStorage.Format(null, false, Form(("fstype", "swap")), "partition");
        CustomStorage.Mount(machine, machine.BlockDevices[0].Partitions[swap].Filesystem, Form(), "partition");
        Raid raid = CustomStorage.CreateRaid(machine, Form(("name", "md0"), ("level", "raid-1"), ("block_devices", "12,13")));
        VolumeGroup group = CustomStorage.CreateVolumeGroup(machine, Form(("name", "vgdata"), ("block_devices", StorageIds.Virtual(raid.Id).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        LogicalVolume root = CustomStorage.CreateLogicalVolume(machine, group, Form(("name", "root"), ("size", "40G")));
        root.Filesystem = new Core.Hardware.Filesystem { Type = "ext4", Label = "root", MountPoint = "/" };
        LogicalVolume home = CustomStorage.CreateLogicalVolume(machine, group, Form(("name", "home")));
        home.Filesystem = new Core.Hardware.Filesystem { Type = "xfs", MountPoint = "/home", MountOptions = "noatime" };
        return machine;
    }

    internal static NetworkForm Form(params (string Name, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.Value)]));
}
