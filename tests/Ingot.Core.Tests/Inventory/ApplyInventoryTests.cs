using Ingot.Core.Hardware;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Inventory;

public sealed class ApplyInventoryTests
{
    private static readonly DateTime s_now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static Machine Enlisted(params string[] macs)
    {
        Machine machine = Machine.Create("abc123", "node1", DateTime.UnixEpoch);
        for (int i = 0; i < macs.Length; i++)
        {
            machine.Interfaces.Add(new NetworkInterface { Id = 10 + i, Name = $"eth{i}", MacAddress = MacAddress.Parse(macs[i]) });
        }

        return machine;
    }

    [Fact]
    public void Commissioning_sets_cpu_memory_architecture_hardware_info_disks_and_interfaces()
    {
        Machine machine = Enlisted("3c:ec:ef:10:20:31");
        machine.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.20.0.0/24" });

        machine.ApplyInventory(Fixtures.Parse(Fixtures.SingleSocketSata), s_now);

        Assert.Equal((12, 3400, "Intel(R) Xeon(R) E-2236 CPU", 32768L), (machine.CpuCount, machine.CpuSpeed, machine.CpuModel, machine.Memory));
        Assert.Equal("amd64/generic", machine.Architecture);
        Assert.Equal("00000000-0000-0000-0000-3cecef102030", machine.HardwareUuid);
        Assert.Equal("SYS-5019C-MR", machine.HardwareInfo["system_product"]);
        Assert.Equal("X11SCM-F", machine.HardwareInfo["mainboard_product"]);
        NumaNode node = Assert.Single(machine.NumaNodes);
        Assert.Equal((0, 12, 32768L), (node.Index, node.Cores.Count, node.Memory));
        Assert.DoesNotContain(Machine.VirtualTag, machine.Tags);
        Assert.Equal(s_now, machine.Updated);

        Assert.Equal(["sda", "sdb", "sdc"], machine.BlockDevices.Select(d => d.Name)); // the DVD drive is not modelled
        BlockDevice sdc = machine.BlockDevices[2];
        Assert.Equal(("ST4000NM000A-2HZ100", "WJG0ABCD", 4000787030016L, 4096), (sdc.Model, sdc.Serial, sdc.SizeBytes, sdc.BlockSize));
        Assert.Equal(("/dev/disk/by-id/wwn-0x5000c500c1a2b3c4", "SN04", 0), (sdc.IdPath, sdc.FirmwareVersion, sdc.NumaNode));
        Assert.Equal(["rotary", "7200rpm", "sata"], sdc.Tags);

        Assert.Equal(["eno1", "eno2"], machine.Interfaces.Select(i => i.Name));
        NetworkInterface eno1 = machine.Interfaces[0];
        Assert.Equal(10, eno1.Id); // the enlisted interface, found by MAC, renamed, its link kept
        Assert.Single(eno1.Links);
        Assert.Equal((1000, 1000, true, 7), (eno1.LinkSpeed, eno1.InterfaceSpeed, eno1.LinkConnected, eno1.SriovMaxVf));
        Assert.Equal(("Intel Corporation", "I350 Gigabit Network Connection", "1.63, 0x800009fa"), (eno1.Vendor, eno1.Product, eno1.FirmwareVersion));
        NetworkInterface eno2 = machine.Interfaces[1];
        Assert.Equal((0L, MacAddress.Parse("3c:ec:ef:10:20:32"), false), (eno2.Id, eno2.MacAddress, eno2.LinkConnected));
    }

    [Fact]
    public void Recommissioning_keeps_matched_disks_by_serial_and_id_path_removes_vanished_ones_and_skips_tiny_and_loop_disks()
    {
        Machine machine = Enlisted();
        machine.ApplyInventory(Fixtures.Parse(Fixtures.SingleSocketSata), s_now);
        for (int i = 0; i < machine.BlockDevices.Count; i++)
        {
            machine.BlockDevices[i].Id = 100 + i;
        }

        machine.BlockDevices[0].IsBootDisk = true;
        machine.BlockDevices[0].Partitions.Add(new Partition { SizeBytes = 536870912, Bootable = true, Filesystem = new Filesystem { Type = "fat32", MountPoint = "/boot/efi" } });
        MachineInventory original = Fixtures.Parse(Fixtures.SingleSocketSata);
        var disks = original.Disks.ToList();
        disks[0] = disks[0] with { Name = "sdz" }; // renamed: found by its serial
        disks.RemoveAt(1); // sdb vanished
        disks.Add(new InventoryDisk { Name = "sdd", Size = InventoryStorage.MinBlockDeviceSize, Type = "scsi" });
        disks.Add(new InventoryDisk { Name = "loop0", Size = 1 << 30, Type = "" });
        disks.Add(new InventoryDisk { Name = "vdb", Size = 10L << 30, Type = "virtio", Serial = "", DeviceId = "" });

        machine.ApplyInventory(original with { Disks = disks }, s_now);

        Assert.Equal(["sdz", "sdc", "vdb"], machine.BlockDevices.Select(d => d.Name));
        BlockDevice kept = machine.BlockDevices[0];
        Assert.Equal((100L, true, 1), (kept.Id, kept.IsBootDisk, kept.Partitions.Count));
        Assert.Equal(101L + 1, machine.BlockDevices[1].Id);
        Assert.Equal(("/dev/vdb", 0L), (machine.BlockDevices[2].IdPath, machine.BlockDevices[2].Id));

        // A disk without a serial is found again by its id_path.
        machine.BlockDevices[2].Id = 300;
        machine.ApplyInventory(original with { Disks = disks }, s_now);
        Assert.Equal(300L, machine.BlockDevices[2].Id);
    }

    [Fact]
    public void Bonds_and_VLANs_are_created_with_their_parents_and_vanished_interfaces_are_removed()
    {
        Machine machine = Enlisted("b0:7b:25:d4:e5:f6", "de:ad:be:ef:00:01");

        machine.ApplyInventory(Fixtures.Parse(Fixtures.DualSocketNvmeBond), s_now);

        Assert.Equal(["eno8303", "enp193s0f0np0", "enp193s0f1np1", "bond0", "bond0.100"], machine.Interfaces.Select(i => i.Name));
        Assert.Equal(10L, machine.Interfaces[0].Id);
        NetworkInterface bond = machine.Interfaces[3];
        Assert.Equal(InterfaceType.Bond, bond.Type);
        Assert.Equal(["enp193s0f0np0", "enp193s0f1np1"], bond.Parents);
        NetworkInterface vlan = machine.Interfaces[4];
        Assert.Equal((InterfaceType.Vlan, (int?)100), (vlan.Type, vlan.Vlan));
        Assert.Equal(["bond0"], vlan.Parents);
        Assert.Equal((25000, 1, "MT27710 Family [ConnectX-4 Lx]"), (machine.Interfaces[1].InterfaceSpeed, machine.Interfaces[1].NumaNode, machine.Interfaces[1].Product));
        Assert.Equal([0, 1], machine.NumaNodes.Select(n => n.Index));
        Assert.Equal([0, 1], machine.BlockDevices.Select(d => d.NumaNode));
        Assert.Equal(3300, machine.CpuSpeed);
    }

    [Fact]
    public void A_virtual_machine_gets_the_virtual_tag_and_loses_it_when_it_reports_physical()
    {
        Machine machine = Enlisted("52:54:00:ab:cd:ef");
        machine.ApplyInventory(Fixtures.Parse(Fixtures.QemuVm), s_now);
        Assert.Contains(Machine.VirtualTag, machine.Tags);
        Assert.Equal(["vda"], machine.BlockDevices.Select(d => d.Name));

        machine.ApplyInventory(Fixtures.Parse(Fixtures.SingleSocketSata), s_now);
        Assert.DoesNotContain(Machine.VirtualTag, machine.Tags);
        Assert.Equal(["eno1", "eno2"], machine.Interfaces.Select(i => i.Name)); // the VM's NIC vanished
    }

    [Theory]
    [InlineData("", "amd64/generic", "amd64/generic")]
    [InlineData("amd64/hwe-22.04", "amd64/generic", "amd64/hwe-22.04")]
    [InlineData("arm64/xgene-uboot", "amd64/generic", "amd64/generic")]
    [InlineData("amd64/generic", "", "amd64/generic")]
    public void A_more_specific_subarchitecture_of_the_same_architecture_is_kept(string current, string reported, string expected) =>
        Assert.Equal(expected, InventoryArchitecture.Merge(current, reported));

    [Fact]
    public void Arm64_commissioning_sets_arm64_and_an_empty_report_changes_nothing_it_cannot_read()
    {
        Machine machine = Enlisted();
        machine.ApplyInventory(Fixtures.Parse(Fixtures.Arm64), s_now);
        Assert.Equal(("arm64/generic", 80, 131072L), (machine.Architecture, machine.CpuCount, machine.Memory));

        machine.ApplyInventory(new MachineInventory(), s_now);
        Assert.Equal("arm64/generic", machine.Architecture);
        Assert.Equal("Neoverse-N1", machine.CpuModel);
        Assert.Equal((0, 0L), (machine.CpuCount, machine.Memory));
        Assert.Empty(machine.BlockDevices);
        Assert.Empty(machine.Interfaces);
    }

    [Fact]
    public void Skip_networking_leaves_every_interface_and_link_as_it_was_and_is_turned_off_by_the_commissioning_output()
    {
        Machine machine = Enlisted("3c:ec:ef:10:20:31", "3c:ec:ef:99:99:99");
        machine.Interfaces.Add(new NetworkInterface { Id = 20, Name = "bond0", Type = InterfaceType.Bond, Parents = ["eth0", "eth1"] });
        machine.Interfaces.Add(new NetworkInterface { Id = 21, Name = "bond0.42", Type = InterfaceType.Vlan, Parents = ["bond0"], Vlan = 42 });
        machine.Interfaces[2].Links.Add(new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.20.0.0/24", IpAddress = "10.20.0.5" });
        machine.ResetConfigurationForCommissioning(skipNetworking: true, skipStorage: false);

        machine.ApplyInventory(Fixtures.Parse(Fixtures.SingleSocketSata), s_now);

        Assert.False(machine.SkipNetworking);
        Assert.Equal([(10L, "eth0"), (11L, "eth1"), (20L, "bond0"), (21L, "bond0.42")], machine.Interfaces.Select(i => (i.Id, i.Name)));
        Assert.Equal("10.20.0.5", Assert.Single(machine.Interfaces[2].Links).IpAddress);
        Assert.Equal(["sda", "sdb", "sdc"], machine.BlockDevices.Select(d => d.Name)); // the rest of the hardware is still applied
    }

    [Fact]
    public void Without_skip_networking_interfaces_the_machine_did_not_report_are_removed_bonds_and_VLANs_too()
    {
        Machine machine = Enlisted("3c:ec:ef:10:20:31", "3c:ec:ef:99:99:99");
        machine.Interfaces.Add(new NetworkInterface { Id = 20, Name = "bond0", Type = InterfaceType.Bond, Parents = ["eth0", "eth1"] });
        machine.ResetConfigurationForCommissioning(skipNetworking: false, skipStorage: false);

        machine.ApplyInventory(Fixtures.Parse(Fixtures.SingleSocketSata), s_now);

        Assert.Equal(["eno1", "eno2"], machine.Interfaces.Select(i => i.Name));
        Assert.Equal(10L, machine.Interfaces[0].Id);
    }
}
