using Ingot.Core.Hardware;

namespace Ingot.Core.Inventory;

/// <summary>
/// MAAS's <c>update_node_devices</c> over Core's devices: a reported device that matches a known one by
/// vendor id, product id and address (PCI address, or USB <c>bus:device</c>) keeps its id and takes the
/// reported names, driver, NUMA node, type and network/storage link; a new one gets the next id; a known
/// device that was not reported is removed. A network link is kept only when the machine has a physical
/// interface with that MAC, a storage link only when it has a disk of that name.
/// </summary>
public static class InventoryDevices
{
    public static List<NodeDevice> Reconcile(IReadOnlyList<NodeDevice> known, IReadOnlyList<InventoryDevice> reported, IReadOnlyCollection<string> interfaceMacs, IReadOnlyCollection<string> diskNames)
    {
        var previous = new Dictionary<string, NodeDevice>(StringComparer.OrdinalIgnoreCase);
        foreach (NodeDevice device in known)
        {
            previous.TryAdd(device.Key, device);
        }

        int next = known.Count == 0 ? 1 : known.Max(d => d.Id) + 1;
        var result = new List<NodeDevice>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (InventoryDevice device in reported)
        {
            NodeDeviceBus bus = device.NodeBus;
            var candidate = new NodeDevice
            {
                Bus = bus,
                HardwareType = device.HardwareType,
                NumaNode = device.NumaNode,
                VendorId = device.VendorId,
                ProductId = device.ProductId,
                VendorName = device.Vendor,
                ProductName = device.Product,
                CommissioningDriver = device.Driver,
                BusNumber = bus == NodeDeviceBus.Usb ? device.BusNumber : null,
                DeviceNumber = bus == NodeDeviceBus.Usb ? device.DeviceNumber : null,
                PciAddress = bus == NodeDeviceBus.Pcie ? device.Address : null,
                InterfaceMac = device.InterfaceMac.Length > 0 && interfaceMacs.Contains(device.InterfaceMac, StringComparer.OrdinalIgnoreCase) ? device.InterfaceMac.ToLowerInvariant() : null,
                BlockDeviceName = device.DiskName.Length > 0 && diskNames.Contains(device.DiskName, StringComparer.Ordinal) ? device.DiskName : null,
            };
            if (!seen.Add(candidate.Key))
            {
                continue;
            }

            int id = previous.TryGetValue(candidate.Key, out NodeDevice? old) ? old.Id : next++;
            result.Add(candidate with { Id = id });
        }

        return result;
    }
}
