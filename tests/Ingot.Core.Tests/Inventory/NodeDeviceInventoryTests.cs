using Ingot.Core.Hardware;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Inventory;

/// <summary>PCI and USB devices (MAAS's NodeDevices): parsed, stored on the machine, replaced on each commissioning.</summary>
public sealed class NodeDeviceInventoryTests
{
    private static readonly DateTime s_now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static Machine Enlisted() => Machine.Create("abc123", "node1", DateTime.UnixEpoch);

    [Fact]
    public void Commissioning_stores_every_pci_and_usb_device_with_its_type_driver_and_link()
    {
        Machine machine = Enlisted();

        machine.ApplyInventory(Fixtures.Parse(Fixtures.SingleSocketSata), s_now);

        Assert.Equal([1, 2, 3, 4], machine.NodeDevices.Select(d => d.Id));
        NodeDevice nic = machine.NodeDevices[0];
        Assert.Equal((NodeDeviceBus.Pcie, 4, "8086", "1521", "Intel Corporation", "I350 Gigabit Network Connection", "igb", "0000:01:00.0"),
            (nic.Bus, nic.HardwareType, nic.VendorId, nic.ProductId, nic.VendorName, nic.ProductName, nic.CommissioningDriver, nic.PciAddress));
        Assert.Equal("3c:ec:ef:10:20:31", nic.InterfaceMac);
        Assert.Null(nic.BusNumber);
        Assert.Equal(0, machine.NodeDevices[1].HardwareType); // the SATA controller is not itself a disk
        NodeDevice usb = machine.NodeDevices[3];
        Assert.Equal((NodeDeviceBus.Usb, 0, "046b", "ff10", "usbhid", 1, 3), (usb.Bus, usb.HardwareType, usb.VendorId, usb.ProductId, usb.CommissioningDriver, usb.BusNumber ?? -1, usb.DeviceNumber ?? -1));
        Assert.Null(usb.PciAddress);
    }

    [Fact]
    public void Recommissioning_keeps_the_ids_of_devices_found_again_removes_vanished_ones_and_numbers_new_ones_after()
    {
        Machine machine = Enlisted();
        machine.ApplyInventory(Fixtures.Parse(Fixtures.SingleSocketSata), s_now);
        string changed = System.Text.Encoding.UTF8.GetString(Fixtures.Bytes(Fixtures.SingleSocketSata))
            .Replace("\"0000:03:00.0\"", "\"0000:04:00.0\"", StringComparison.Ordinal)   // the GPU moved slot: a new device
            .Replace("\"product_id\": \"a352\"", "\"product_id\": \"a353\"", StringComparison.Ordinal);

        machine.ApplyInventory(InventoryParser.Parse(System.Text.Encoding.UTF8.GetBytes(changed)).Inventory!, s_now);

        Assert.Equal([1, 5, 6, 4], machine.NodeDevices.Select(d => d.Id));
        Assert.Equal(["0000:01:00.0", "0000:00:17.0", "0000:04:00.0", null], machine.NodeDevices.Select(d => d.PciAddress));
    }

    [Fact]
    public void A_gpu_card_and_a_disk_behind_a_device_address_set_its_hardware_type()
    {
        const string json = """
            {"resources": {
              "pci": {"devices": [
                {"pci_address": "0000:65:00.0", "vendor_id": "10de", "product_id": "2204", "driver": "nvidia", "numa_node": 1},
                {"pci_address": "0000:02:00.0", "vendor_id": "144d", "product_id": "a808", "driver": "nvme", "numa_node": -1}]},
              "gpu": {"cards": [{"pci_address": "0000:65:00.0"}]},
              "storage": {"disks": [{"id": "nvme0n1", "pci_address": "0000:02:00.0", "size": 512110190592, "type": "nvme", "serial": "S1"}]}
            }}
            """;
        Machine machine = Enlisted();

        machine.ApplyInventory(InventoryParser.Parse(System.Text.Encoding.UTF8.GetBytes(json)).Inventory!, s_now);

        Assert.Equal([5, 3], machine.NodeDevices.Select(d => d.HardwareType));
        Assert.Equal(1, machine.NodeDevices[0].NumaNode);
        Assert.Equal(0, machine.NodeDevices[1].NumaNode); // LXD's -1 (no NUMA) is node 0
        Assert.Equal("nvme0n1", machine.NodeDevices[1].BlockDeviceName);
    }

    [Fact]
    public void Skip_storage_and_skip_networking_keep_the_configuration_that_commissioning_otherwise_clears()
    {
        Machine machine = Enlisted();
        machine.ApplyInventory(Fixtures.Parse(Fixtures.SingleSocketSata), s_now);
        machine.BlockDevices[0].Partitions.Add(new Partition { SizeBytes = 1 << 30 });
        machine.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.20.0.0/24" });

        machine.ResetConfigurationForCommissioning(skipNetworking: true, skipStorage: true);
        Assert.Single(machine.BlockDevices[0].Partitions);
        Assert.Single(machine.Interfaces[0].Links);
        Assert.True(machine.SkipStorage && machine.SkipNetworking);

        machine.ResetConfigurationForCommissioning(skipNetworking: false, skipStorage: false);
        Assert.Empty(machine.BlockDevices[0].Partitions);
        Assert.Empty(machine.Interfaces[0].Links);
        Assert.False(machine.SkipStorage || machine.SkipNetworking);
    }

    [Fact]
    public void The_modalias_list_keeps_each_line_once()
    {
        Machine machine = Enlisted();
        machine.ApplyModaliases("pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00\n\npci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00\nacpi:PNP0A03:\n", s_now);
        Assert.Equal(["pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00", "acpi:PNP0A03:"], machine.Modaliases);
    }
}
