using System.Text.Json;

namespace Ingot.Core.Inventory;

public static partial class InventoryParser
{
    private static readonly string[] s_systemKeys = ["vendor", "product", "family", "version", "sku", "serial"];
    private static readonly string[] s_mainboardKeys = ["vendor", "product", "serial", "version"];
    private static readonly string[] s_firmwareKeys = ["vendor", "date", "version"];
    private static readonly string[] s_chassisKeys = ["vendor", "type", "serial", "version"];

    /// <summary>MAAS's <c>_process_pcie_devices</c> and <c>_process_usb_devices</c>: <c>pci.devices</c>, then <c>usb.devices</c>.</summary>
    private static List<InventoryDevice> ReadDevices(JsonElement resources)
    {
        var devices = new List<InventoryDevice>();
        foreach (JsonElement pci in resources.Object("pci").Array("devices"))
        {
            devices.Add(new InventoryDevice
            {
                Bus = "pcie",
                Address = pci.String("pci_address"),
                Vendor = pci.String("vendor"),
                VendorId = pci.String("vendor_id"),
                Product = pci.String("product"),
                ProductId = pci.String("product_id"),
                Driver = pci.String("driver"),
                NumaNode = pci.Int("numa_node"),
            });
        }

        foreach (JsonElement usb in resources.Object("usb").Array("devices"))
        {
            string driver = usb.Array("interfaces").Select(i => i.String("driver")).FirstOrDefault(d => d.Length > 0) ?? "";
            devices.Add(new InventoryDevice
            {
                Bus = "usb",
                Address = $"{usb.Long("bus_address")}:{usb.Long("device_address")}",
                Vendor = usb.String("vendor"),
                VendorId = usb.String("vendor_id"),
                Product = usb.String("product"),
                ProductId = usb.String("product_id"),
                Driver = driver,
                NumaNode = 0,
            });
        }

        return devices;
    }

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
