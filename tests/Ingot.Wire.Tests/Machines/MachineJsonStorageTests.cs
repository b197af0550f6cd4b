using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Wire.Machines;

namespace Ingot.Wire.Tests.Machines;

public class MachineJsonStorageTests
{
    [Fact]
    public void Storage_is_megabytes_of_all_disks_as_python_prints_the_float()
    {
        JsonElement json = Rendered.Machine(SampleMachines.Rich(), SampleMachines.Context());

        // 3,532,084,224 + 5,672,537,088 bytes = 9,204,621,312; Python's 9204621312 / 1000 / 1000.
        Assert.Equal("9204.621312000001", json.GetProperty("storage").GetRawText());
    }

    [Fact]
    public void The_spec_example_disk_gets_the_spec_example_sizes()
    {
        var machine = SampleMachines.Bare();
        machine.Architecture = "i386/generic";
        machine.BlockDevices =
        [
            new BlockDevice
            {
                Id = 18,
                Name = "name-xE9mtJ",
                SizeBytes = 3_532_084_224,
                BlockSize = 1024,
                Partitions = [new Partition { SizeBytes = 3_523_215_360, Filesystem = new Filesystem { Type = "ext4", Label = "root", MountPoint = "/" } }],
            },
        ];

        JsonElement disk = Rendered.Machine(machine, MachineJsonContext.Default).GetProperty("boot_disk");

        Assert.Equal(3_528_458_240, disk.GetProperty("used_size").GetInt64());
        Assert.Equal(0, disk.GetProperty("available_size").GetInt64());
        Assert.Equal("/dev/disk/by-dname/name-xE9mtJ", disk.GetProperty("path").GetString());
        Assert.Equal("GPT partitioned with 1 partition", disk.GetProperty("used_for").GetString());
        JsonElement partition = Assert.Single(disk.GetProperty("partitions").EnumerateArray());
        Assert.Equal("/dev/disk/by-dname/name-xE9mtJ-part1", partition.GetProperty("path").GetString());
        Assert.Equal("ext4 formatted filesystem mounted at /", partition.GetProperty("used_for").GetString());
    }

    [Fact]
    public void A_bios_amd64_disk_keeps_partition_one_for_bios_grub_and_counts_it_as_used()
    {
        JsonElement sda = Rendered.Machine(SampleMachines.Rich(), SampleMachines.Context()).GetProperty("blockdevice_set")[0];

        // 512 MiB + 2,986,344,448 bytes of partitions + 5 MiB of table + 1 MiB of bios_grub.
        Assert.Equal(3_529_506_816, sda.GetProperty("used_size").GetInt64());
        Assert.Equal(0, sda.GetProperty("available_size").GetInt64());
        Assert.Equal("GPT", sda.GetProperty("partition_table_type").GetString());
        Assert.Equal("GPT partitioned with 2 partitions", sda.GetProperty("used_for").GetString());
        Assert.Equal(
            ["/dev/disk/by-dname/sda-part2", "/dev/disk/by-dname/sda-part3"],
            sda.GetProperty("partitions").EnumerateArray().Select(p => p.GetProperty("path").GetString()));
    }

    [Fact]
    public void A_uefi_machine_numbers_partitions_from_one()
    {
        var machine = SampleMachines.Rich();
        machine.BiosBootMethod = "uefi";

        JsonElement sda = Rendered.Machine(machine, SampleMachines.Context()).GetProperty("blockdevice_set")[0];

        Assert.Equal(
            ["/dev/disk/by-dname/sda-part1", "/dev/disk/by-dname/sda-part2"],
            sda.GetProperty("partitions").EnumerateArray().Select(p => p.GetProperty("path").GetString()));
        Assert.Equal(3_528_458_240, sda.GetProperty("used_size").GetInt64());
    }

    [Fact]
    public void An_unused_disk_offers_its_size_less_the_table_aligned_down_to_4_MiB()
    {
        JsonElement sdb = Rendered.Machine(SampleMachines.Rich(), SampleMachines.Context()).GetProperty("blockdevice_set")[1];

        Assert.Equal(0, sdb.GetProperty("used_size").GetInt64());
        Assert.Equal(5_662_310_400, sdb.GetProperty("available_size").GetInt64());
        Assert.Equal("Unused", sdb.GetProperty("used_for").GetString());
        Assert.Equal("", sdb.GetProperty("partition_table_type").GetString());
        Assert.Equal(JsonValueKind.Null, sdb.GetProperty("filesystem").ValueKind);
        Assert.Equal(["rotary"], sdb.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void A_filesystem_on_the_whole_disk_uses_all_of_it()
    {
        var machine = SampleMachines.Rich();
        machine.BlockDevices[1].Filesystem = new Filesystem { Type = "xfs" };

        JsonElement sdb = Rendered.Machine(machine, SampleMachines.Context()).GetProperty("blockdevice_set")[1];

        Assert.Equal(5_672_537_088, sdb.GetProperty("used_size").GetInt64());
        Assert.Equal(0, sdb.GetProperty("available_size").GetInt64());
        Assert.Equal("Unmounted xfs formatted filesystem", sdb.GetProperty("used_for").GetString());
        JsonElement filesystem = sdb.GetProperty("filesystem");
        Assert.Equal("xfs", filesystem.GetProperty("fstype").GetString());
        Assert.Equal(JsonValueKind.Null, filesystem.GetProperty("mount_point").ValueKind);
        Assert.Equal(JsonValueKind.Null, filesystem.GetProperty("label").ValueKind);
        Assert.True(Guid.TryParse(filesystem.GetProperty("uuid").GetString(), out _));
    }

    [Fact]
    public void Block_devices_map_their_fields_and_the_boot_disk_is_the_flagged_one()
    {
        var machine = SampleMachines.Rich();
        (machine.BlockDevices[0].IsBootDisk, machine.BlockDevices[1].IsBootDisk) = (false, true);

        JsonElement json = Rendered.Machine(machine, SampleMachines.Context());

        JsonElement sda = json.GetProperty("physicalblockdevice_set")[0];
        Assert.Equal(18, sda.GetProperty("id").GetInt64());
        Assert.Equal("sda", sda.GetProperty("name").GetString());
        Assert.Equal("QEMU HARDDISK", sda.GetProperty("model").GetString());
        Assert.Equal("QM00001", sda.GetProperty("serial").GetString());
        Assert.Equal(3_532_084_224, sda.GetProperty("size").GetInt64());
        Assert.Equal(512, sda.GetProperty("block_size").GetInt32());
        Assert.Equal("physical", sda.GetProperty("type").GetString());
        Assert.Equal("/MAAS/api/2.0/nodes/thr3am/blockdevices/18/", sda.GetProperty("resource_uri").GetString());
        Assert.Equal(json.GetProperty("blockdevice_set").GetRawText(), json.GetProperty("physicalblockdevice_set").GetRawText());
        Assert.Equal(19, json.GetProperty("boot_disk").GetProperty("id").GetInt64());
    }

    [Fact]
    public void Partitions_carry_stable_ids_uuids_and_their_filesystem()
    {
        JsonElement first = Rendered.Machine(SampleMachines.Rich(), SampleMachines.Context()).GetProperty("boot_disk").GetProperty("partitions");
        JsonElement again = Rendered.Machine(SampleMachines.Rich(), SampleMachines.Context()).GetProperty("boot_disk").GetProperty("partitions");

        Assert.Equal(first.GetRawText(), again.GetRawText());
        JsonElement root = first[1];
        Assert.Equal(18, root.GetProperty("device_id").GetInt64());
        Assert.Equal("partition", root.GetProperty("type").GetString());
        Assert.Equal(2_986_344_448, root.GetProperty("size").GetInt64());
        Assert.False(root.GetProperty("bootable").GetBoolean());
        Assert.True(first[0].GetProperty("bootable").GetBoolean());
        long id = root.GetProperty("id").GetInt64();
        Assert.NotEqual(first[0].GetProperty("id").GetInt64(), id);
        Assert.Equal($"/MAAS/api/2.0/nodes/thr3am/blockdevices/18/partition/{id}", root.GetProperty("resource_uri").GetString());
        Assert.NotEqual(first[0].GetProperty("uuid").GetString(), root.GetProperty("uuid").GetString());
        Assert.Equal(
            """{"fstype":"ext4","label":"root","uuid":"UUID","mount_point":"/","mount_options":"noatime"}""",
            root.GetProperty("filesystem").GetRawText().Replace(root.GetProperty("filesystem").GetProperty("uuid").GetString()!, "UUID", StringComparison.Ordinal));
    }
}
