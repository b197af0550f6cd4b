using System.Text.Json.Nodes;
using Ingot.Core.Hardware;
using Ingot.Core.Inventory;

namespace Ingot.Core.Tests.Inventory;

/// <summary>
/// For every fixture, every fact MAAS keeps from the raw document is found in the inventory: read
/// here straight from the JSON, independently of the parser.
/// </summary>
public sealed class InventoryNoFieldLostTests
{
    public static TheoryData<string> Names => [.. Fixtures.All];

    [Theory]
    [MemberData(nameof(Names))]
    public void Cpu_memory_and_numa_totals_are_kept(string name)
    {
        JsonNode raw = JsonNode.Parse(Fixtures.Bytes(name))!;
        MachineInventory inv = Fixtures.Parse(name);
        JsonNode resources = raw["resources"]!;

        Assert.Equal((int)resources["cpu"]!["total"]!, inv.CpuCount);
        Assert.Equal((long)resources["memory"]!["total"]! / 1024 / 1024, inv.Memory);
        int threads = resources["cpu"]!["sockets"]!.AsArray().Sum(s => s!["cores"]!.AsArray().Sum(c => c!["threads"]!.AsArray().Count));
        Assert.Equal(threads, inv.NumaNodes.Sum(n => n.Cores.Count));
        Assert.Equal(inv.Memory, inv.NumaNodes.Sum(n => n.Memory));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_disk_keeps_every_field(string name)
    {
        JsonArray disks = JsonNode.Parse(Fixtures.Bytes(name))!["resources"]!["storage"]!["disks"]!.AsArray();
        MachineInventory inv = Fixtures.Parse(name);

        Assert.Equal(disks.Count, inv.Disks.Count);
        foreach (JsonNode? d in disks)
        {
            InventoryDisk disk = Assert.Single(inv.Disks, x => x.Name == (string)d!["id"]!);
            Assert.Equal((string)d!["model"]!, disk.Model);
            Assert.Equal((string)d["serial"]!, disk.Serial);
            Assert.Equal((long)d["size"]!, disk.Size);
            Assert.Equal((int)d["block_size"]! == 0 ? 512 : (int)d["block_size"]!, disk.BlockSize);
            Assert.Equal((string)d["type"]!, disk.Type);
            Assert.Equal((int)d["rpm"]!, disk.Rpm);
            Assert.Equal((bool)d["removable"]!, disk.Removable);
            Assert.Equal((bool)d["read_only"]!, disk.ReadOnly);
            Assert.Equal((string)d["device_path"]!, disk.DevicePath);
            Assert.Equal((string)d["device_id"]!, disk.DeviceId);
            Assert.Equal((string)d["firmware_version"]!, disk.FirmwareVersion);
            Assert.Equal((int)d["numa_node"]!, disk.NumaNode);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_port_of_every_card_keeps_its_mac_speed_vendor_and_numa_node(string name)
    {
        JsonNode raw = JsonNode.Parse(Fixtures.Bytes(name))!;
        MachineInventory inv = Fixtures.Parse(name);

        foreach (JsonNode? card in raw["resources"]!["network"]!["cards"]!.AsArray())
        {
            foreach (JsonNode? port in card!["ports"]!.AsArray())
            {
                InventoryInterface nic = Assert.Single(inv.Interfaces, i => i.Name == (string)port!["id"]!);
                Assert.Equal(MacAddress.Parse((string)port!["address"]!), nic.MacAddress);
                Assert.Equal((int?)port["link_speed"] ?? 0, nic.LinkSpeed);
                Assert.Equal((string)card["vendor"]!, nic.Vendor);
                Assert.Equal((string)card["product"]!, nic.Product);
                Assert.Equal((string?)card["firmware_version"] ?? "", nic.FirmwareVersion);
                Assert.Equal((int)card["numa_node"]!, nic.NumaNode);
                Assert.Equal((string)card["pci_address"]!, nic.PciAddress);
                Assert.Equal((int?)card["sriov"]?["maximum_vfs"] ?? 0, nic.SriovMaxVf);
            }
        }

        foreach ((string ifname, JsonNode? state) in raw["networks"]!.AsObject())
        {
            bool modelled = (string)state!["type"]! == "broadcast";
            Assert.Equal(modelled, inv.Interfaces.Any(i => i.Name == ifname));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_pci_and_usb_device_and_every_system_value_is_kept(string name)
    {
        JsonNode resources = JsonNode.Parse(Fixtures.Bytes(name))!["resources"]!;
        MachineInventory inv = Fixtures.Parse(name);

        foreach (JsonNode? pci in resources["pci"]!["devices"]!.AsArray())
        {
            Assert.Contains(inv.Devices, d => d.Bus == "pcie" && d.Address == (string)pci!["pci_address"]! && d.VendorId == (string)pci["vendor_id"]!
                && d.ProductId == (string)pci["product_id"]! && d.Vendor == (string)pci["vendor"]! && d.Product == (string)pci["product"]!
                && d.Driver == (string)pci["driver"]! && d.NumaNode == (int)pci["numa_node"]!);
        }

        Assert.Equal(resources["usb"]!["devices"]!.AsArray().Count, inv.Devices.Count(d => d.Bus == "usb"));

        JsonNode system = resources["system"]!;
        foreach ((string prefix, JsonNode? section, string[] keys) in new (string, JsonNode?, string[])[]
        {
            ("system_", system, ["vendor", "product", "family", "version", "sku", "serial"]),
            ("mainboard_", system["motherboard"], ["vendor", "product", "serial", "version"]),
            ("mainboard_firmware_", system["firmware"], ["vendor", "date", "version"]),
            ("chassis_", system["chassis"], ["vendor", "type", "serial", "version"]),
        })
        {
            foreach (string key in keys)
            {
                string value = (string?)section?[key] ?? "";
                bool placeholder = value.Length == 0 || value == "0123456789" || value.Equals("none", StringComparison.OrdinalIgnoreCase);
                Assert.Equal(placeholder ? null : value, inv.System.HardwareInfo.GetValueOrDefault(prefix + key));
            }
        }
    }
}
