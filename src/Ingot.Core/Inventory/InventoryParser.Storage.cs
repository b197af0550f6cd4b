using System.Text.Json;

namespace Ingot.Core.Inventory;

public static partial class InventoryParser
{
    /// <summary>Every entry of <c>storage.disks</c> with an <c>id</c>, in the report's order.</summary>
    private static List<InventoryDisk> ReadDisks(JsonElement storage)
    {
        var disks = new List<InventoryDisk>();
        foreach (JsonElement disk in storage.Array("disks"))
        {
            string name = disk.String("id");
            if (name.Length == 0)
            {
                continue;
            }

            int blockSize = disk.Int("block_size");
            disks.Add(new InventoryDisk
            {
                Name = name,
                Model = disk.String("model"),
                Serial = disk.String("serial"),
                Size = disk.Long("size"),
                BlockSize = blockSize > 0 ? blockSize : 512,
                Type = disk.String("type"),
                Rpm = disk.Int("rpm"),
                Removable = disk.Bool("removable"),
                ReadOnly = disk.Bool("read_only"),
                DevicePath = disk.String("device_path"),
                DeviceId = disk.String("device_id"),
                FirmwareVersion = disk.String("firmware_version"),
                NumaNode = disk.Int("numa_node"),
                PciAddress = disk.String("pci_address"),
                UsbAddress = disk.String("usb_address"),
            });
        }

        return disks;
    }
}
