using Ingot.Core.Hardware;
using Ingot.Core.Inventory;

namespace Ingot.Core.Tests.Inventory;

public sealed class InventoryParserTests
{
    [Fact]
    public void One_socket_with_sata_disks_maps_as_MAAS_maps_it()
    {
        MachineInventory inv = Fixtures.Parse(Fixtures.SingleSocketSata);

        Assert.Equal(12, inv.CpuCount);
        Assert.Equal(3400, inv.CpuSpeed); // from "@ 3.40GHz", not the 4800 turbo
        Assert.Equal("Intel(R) Xeon(R) E-2236 CPU", inv.CpuModel);
        Assert.Equal("x86_64", inv.KernelArchitecture);
        Assert.Equal("amd64/generic", inv.Architecture);
        Assert.Equal(("ubuntu", "24.04"), (inv.OsName, inv.OsVersion));
        Assert.Equal(32768, inv.Memory);
        Assert.Equal(2097152, inv.HugepagesSize);
        InventoryNumaNode node = Assert.Single(inv.NumaNodes);
        Assert.Equal((0, 32768L, 0L), (node.Index, node.Memory, node.Hugepages));
        Assert.Equal([0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11], node.Cores);

        Assert.Equal(["sda", "sdb", "sdc", "sr0"], inv.Disks.Select(d => d.Name));
        InventoryDisk sda = inv.Disks[0];
        Assert.Equal("SAMSUNG MZ7LH480HAHQ-00005", sda.Model);
        Assert.Equal("S45PNA0N301234", sda.Serial);
        Assert.Equal(480103981056, sda.Size);
        Assert.Equal(512, sda.BlockSize);
        Assert.Equal("/dev/disk/by-id/wwn-0x5002538e4099a1b2", sda.IdPath);
        Assert.Equal("pci-0000:00:17.0-ata-1.0", sda.DevicePath);
        Assert.Equal("HXT7904Q", sda.FirmwareVersion);
        Assert.Equal(["ssd", "sata"], sda.Tags);
        InventoryDisk sdc = inv.Disks[2];
        Assert.Equal(4096, sdc.BlockSize);
        Assert.Equal(["rotary", "7200rpm", "sata"], sdc.Tags);
        InventoryDisk dvd = inv.Disks[3];
        Assert.False(dvd.IsModelled);
        Assert.Equal(["ssd", "removable"], dvd.Tags);

        Assert.Equal(["eno1", "eno2"], inv.Interfaces.Select(i => i.Name));
        InventoryInterface eno1 = inv.Interfaces[0];
        Assert.Equal(MacAddress.Parse("3c:ec:ef:10:20:31"), eno1.MacAddress);
        Assert.Equal(InterfaceType.Physical, eno1.Type);
        Assert.Equal((1000, 1000, true), (eno1.LinkSpeed, eno1.InterfaceSpeed, eno1.LinkConnected));
        Assert.Equal(("Intel Corporation", "I350 Gigabit Network Connection", "1.63, 0x800009fa"), (eno1.Vendor, eno1.Product, eno1.FirmwareVersion));
        Assert.Equal((0, 7, "0000:01:00.0", 1500), (eno1.NumaNode, eno1.SriovMaxVf, eno1.PciAddress, eno1.Mtu));
        Assert.Equal(["10.20.0.31/24"], eno1.Addresses); // the link-local address is left out
        InventoryInterface eno2 = inv.Interfaces[1];
        Assert.Equal((0, 1000, false), (eno2.LinkSpeed, eno2.InterfaceSpeed, eno2.LinkConnected));

        Assert.Equal(["pcie", "pcie", "pcie", "usb"], inv.Devices.Select(d => d.Bus));
        InventoryDevice usb = inv.Devices[3];
        Assert.Equal(("1:3", "046b", "ff10", "usbhid"), (usb.Address, usb.VendorId, usb.ProductId, usb.Driver));

        Assert.Equal("00000000-0000-0000-0000-3cecef102030", inv.System.HardwareUuid);
        Assert.False(inv.System.IsVirtual);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["system_vendor"] = "Supermicro",
                ["system_product"] = "SYS-5019C-MR",
                ["system_family"] = "SMC X11",
                ["system_sku"] = "To be filled by O.E.M.",
                ["system_serial"] = "S123456X9A01234",
                ["mainboard_vendor"] = "Supermicro",
                ["mainboard_product"] = "X11SCM-F",
                ["mainboard_serial"] = "ZM21AS012345",
                ["mainboard_version"] = "1.02",
                ["mainboard_firmware_vendor"] = "American Megatrends Inc.",
                ["mainboard_firmware_date"] = "10/15/2021",
                ["mainboard_firmware_version"] = "2.1",
                ["chassis_vendor"] = "Supermicro",
                ["chassis_type"] = "Rack Mount Chassis",
                ["chassis_serial"] = "C8150LK07NB0123",
            },
            inv.System.HardwareInfo.OrderBy(p => p.Key).ToDictionary()); // "0123456789" placeholders are left out
    }

    [Fact]
    public void Two_sockets_with_NVMe_a_25G_bond_and_a_VLAN_map_as_MAAS_maps_them()
    {
        MachineInventory inv = Fixtures.Parse(Fixtures.DualSocketNvmeBond);

        Assert.Equal(64, inv.CpuCount);
        Assert.Equal(3300, inv.CpuSpeed); // no GHz in the name: the highest turbo
        Assert.Equal("AMD EPYC 7302 16-Core Processor", inv.CpuModel);
        Assert.Equal(262144, inv.Memory);
        Assert.Equal([0, 1], inv.NumaNodes.Select(n => n.Index));
        Assert.All(inv.NumaNodes, n => Assert.Equal((32, 131072L), (n.Cores.Count, n.Memory)));
        Assert.Equal([.. Enumerable.Range(16, 16), .. Enumerable.Range(48, 16)], inv.NumaNodes[1].Cores.Order());

        Assert.Equal(["nvme0n1", "nvme1n1"], inv.Disks.Select(d => d.Name));
        Assert.All(inv.Disks, d => Assert.Equal(["ssd"], d.Tags));
        Assert.Equal((1, 4096, "/dev/disk/by-id/nvme-eui.36344730526012350025384500000001"), (inv.Disks[1].NumaNode, inv.Disks[1].BlockSize, inv.Disks[1].IdPath));

        Assert.Equal(["eno8303", "enp193s0f0np0", "enp193s0f1np1", "bond0", "bond0.100"], inv.Interfaces.Select(i => i.Name));
        InventoryInterface second = inv.Interfaces[2];
        Assert.Equal(MacAddress.Parse("0c:42:a1:5e:6f:71"), second.MacAddress); // the port's own MAC, not the bond's
        Assert.Equal((25000, 25000, 1, 8, 9000), (second.LinkSpeed, second.InterfaceSpeed, second.NumaNode, second.SriovMaxVf, second.Mtu));
        Assert.Equal("Mellanox Technologies", second.Vendor);
        InventoryInterface bond = inv.Interfaces[3];
        Assert.Equal((InterfaceType.Bond, MacAddress.Parse("0c:42:a1:5e:6f:70")), (bond.Type, bond.MacAddress));
        Assert.Equal(["enp193s0f0np0", "enp193s0f1np1"], bond.Parents);
        Assert.Equal(["10.30.0.12/24"], bond.Addresses);
        InventoryInterface vlan = inv.Interfaces[4];
        Assert.Equal((InterfaceType.Vlan, (int?)100), (vlan.Type, vlan.Vid));
        Assert.Equal(["bond0"], vlan.Parents);

        Assert.Equal("4c4c4544-0051-3810-8052-b4c04f333233", inv.System.HardwareUuid);
        Assert.False(inv.System.HardwareInfo.ContainsKey("system_version")); // "" is no value
        Assert.Equal("PowerEdge R6525", inv.System.HardwareInfo["system_product"]);
    }

    [Fact]
    public void Arm64_without_memory_nodes_gets_one_node_and_a_bridge_over_its_port()
    {
        MachineInventory inv = Fixtures.Parse(Fixtures.Arm64);

        Assert.Equal(("aarch64", "arm64/generic"), (inv.KernelArchitecture, inv.Architecture));
        Assert.Equal((80, 3000, "Neoverse-N1"), (inv.CpuCount, inv.CpuSpeed, inv.CpuModel));
        Assert.Equal(131072, inv.Memory);
        InventoryNumaNode node = Assert.Single(inv.NumaNodes);
        Assert.Equal((80, 131072L), (node.Cores.Count, node.Memory));
        Assert.Equal(["enP3p1s0f0np0", "enP3p1s0f1np1", "br0"], inv.Interfaces.Select(i => i.Name));
        InventoryInterface bridge = inv.Interfaces[2];
        Assert.Equal(InterfaceType.Bridge, bridge.Type);
        Assert.Equal(["enP3p1s0f0np0"], bridge.Parents);
        Assert.Equal((64, 25000), (inv.Interfaces[0].SriovMaxVf, inv.Interfaces[0].InterfaceSpeed));
        Assert.Equal("/dev/disk/by-id/nvme-SAMSUNG_MZQL2960HCJR-00A07_S64FNE0R812345", Assert.Single(inv.Disks).IdPath);
        Assert.Equal("01000100", inv.System.HardwareInfo["mainboard_version"]);
    }

    [Fact]
    public void A_qemu_VM_is_virtual_its_disk_without_serial_is_by_dev_name_and_its_cdrom_is_not_modelled()
    {
        MachineInventory inv = Fixtures.Parse(Fixtures.QemuVm);

        Assert.True(inv.System.IsVirtual);
        Assert.Equal("kvm", inv.System.Type);
        Assert.Equal((2, 3000, "QEMU Virtual CPU version 2.5+"), (inv.CpuCount, inv.CpuSpeed, inv.CpuModel)); // 2994 MHz rounded to 100
        Assert.Equal(2048, inv.Memory);
        InventoryDisk vda = inv.Disks[0];
        Assert.Equal(("/dev/vda", "virtio", true), (vda.IdPath, vda.Type, vda.IsModelled));
        Assert.False(inv.Disks[1].IsModelled);
        InventoryInterface ens3 = Assert.Single(inv.Interfaces);
        Assert.Equal((MacAddress.Parse("52:54:00:ab:cd:ef"), 0, 0, true), (ens3.MacAddress, ens3.LinkSpeed, ens3.InterfaceSpeed, ens3.LinkConnected));
        Assert.Equal("Red Hat, Inc.", ens3.Vendor);
        Assert.DoesNotContain(inv.System.HardwareInfo.Keys, k => k.StartsWith("mainboard_", StringComparison.Ordinal) && !k.StartsWith("mainboard_firmware_", StringComparison.Ordinal));
        Assert.Equal("SeaBIOS", inv.System.HardwareInfo["mainboard_firmware_vendor"]);
        Assert.Equal("QEMU", inv.System.HardwareInfo["system_vendor"]);
    }
}
