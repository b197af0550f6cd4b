using System.Text.Json;

namespace Ingot.Core.Inventory;

public static partial class InventoryParser
{
    private static readonly string[] s_systemKeys = ["vendor", "product", "family", "version", "sku", "serial"];
    private static readonly string[] s_mainboardKeys = ["vendor", "product", "serial", "version"];
    private static readonly string[] s_firmwareKeys = ["vendor", "date", "version"];
    private static readonly string[] s_chassisKeys = ["vendor", "type", "serial", "version"];

    /// <summary>
    /// MAAS's <c>update_node_devices</c>: <c>pci.devices</c>, then <c>usb.devices</c>, each with the network
    /// port (by the card's PCI/USB address) or disk (by its address) behind it and whether <c>gpu.cards</c> lists it.
    /// A USB device's driver is its interfaces' distinct drivers joined with ", ".
    /// </summary>
    private static List<InventoryDevice> ReadDevices(JsonElement resources)
    {
        var macs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonElement card in resources.Object("network").Array("cards"))
        {
            string address = DeviceAddress(card);
            foreach (JsonElement port in card.Array("ports"))
            {
                if (address.Length > 0 && port.String("address").Length > 0)
                {
                    macs.TryAdd(address, port.String("address"));
                }
            }
        }

        var disks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonElement disk in resources.Object("storage").Array("disks"))
        {
            if (DeviceAddress(disk) is { Length: > 0 } address && disk.String("id").Length > 0)
            {
                disks.TryAdd(address, disk.String("id"));
            }
        }

        var gpus = resources.Object("gpu").Array("cards").Select(DeviceAddress).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);
        var devices = new List<InventoryDevice>();
        foreach (JsonElement pci in resources.Object("pci").Array("devices"))
        {
            string address = pci.String("pci_address");
            devices.Add(new InventoryDevice
            {
                Bus = "pcie",
                Address = address,
                Vendor = pci.String("vendor"),
                VendorId = pci.String("vendor_id"),
                Product = pci.String("product"),
                ProductId = pci.String("product_id"),
                Driver = pci.String("driver"),
                NumaNode = Math.Max(0, pci.Int("numa_node")),
                InterfaceMac = macs.GetValueOrDefault(address, ""),
                DiskName = disks.GetValueOrDefault(address, ""),
                IsGpu = gpus.Contains(address),
            });
        }

        foreach (JsonElement usb in resources.Object("usb").Array("devices"))
        {
            string address = $"{usb.Long("bus_address")}:{usb.Long("device_address")}";
            string driver = string.Join(", ", usb.Array("interfaces").Select(i => i.String("driver")).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal));
            devices.Add(new InventoryDevice
            {
                Bus = "usb",
                Address = address,
                Vendor = usb.String("vendor"),
                VendorId = usb.String("vendor_id"),
                Product = usb.String("product"),
                ProductId = usb.String("product_id"),
                Driver = driver,
                NumaNode = 0,
                BusNumber = usb.Int("bus_address"),
                DeviceNumber = usb.Int("device_address"),
                InterfaceMac = macs.GetValueOrDefault(address, ""),
                DiskName = disks.GetValueOrDefault(address, ""),
                IsGpu = gpus.Contains(address),
            });
        }

        return devices;
    }

    /// <summary>A card's or disk's <c>pci_address</c>, else its <c>usb_address</c>, else "".</summary>
    private static string DeviceAddress(JsonElement e) => e.String("pci_address") is { Length: > 0 } pci ? pci : e.String("usb_address");

    /// <summary>
    /// MAAS's <c>_process_system_information</c>: <c>system_*</c>, <c>mainboard_*</c>,
    /// <c>mainboard_firmware_*</c> and <c>chassis_*</c> keys for the values that are set.
    /// </summary>
    private static InventorySystem ReadSystem(JsonElement system)
    {
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(info, "system_", system, s_systemKeys);
        Collect(info, "mainboard_", system.Object("motherboard"), s_mainboardKeys);
        Collect(info, "mainboard_firmware_", system.Object("firmware"), s_firmwareKeys);
        Collect(info, "chassis_", system.Object("chassis"), s_chassisKeys);
        string uuid = system.String("uuid");
        return new InventorySystem
        {
            HardwareInfo = info,
            HardwareUuid = Guid.TryParse(uuid, out _) && uuid.Length is 32 or 36 ? uuid : "",
            Type = system.String("type"),
        };
    }

    private static void Collect(Dictionary<string, string> info, string prefix, JsonElement source, string[] keys)
    {
        foreach (string key in keys)
        {
            string value = source.String(key);
            if (value.Length > 0 && !value.Equals("0123456789", StringComparison.OrdinalIgnoreCase) && !value.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                info[prefix + key] = value;
            }
        }
    }
}
