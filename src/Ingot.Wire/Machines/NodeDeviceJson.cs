using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Scripts.Catalog;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

/// <summary>
/// MAAS's <c>NodeDeviceHandler</c> object: id, bus (1 PCIE, 2 USB) and bus_name, hardware_type and
/// hardware_type_name, system_id, numa_node (the index), the physical block device or interface behind
/// the device as the storage and interfaces APIs show them (else null), the ids and names, the
/// commissioning driver, USB bus/device numbers, the PCI address and resource_uri.
/// </summary>
public static class NodeDeviceJson
{
    public static void WriteAll(Utf8JsonWriter writer, Machine machine, IEnumerable<NodeDevice> devices, MachineJsonContext context)
    {
        writer.WriteStartArray();
        foreach (NodeDevice device in devices)
        {
            Write(writer, machine, device, context);
        }

        writer.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter writer, Machine machine, NodeDevice device, MachineJsonContext context)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, device.Id);
        writer.WriteNumber("bus"u8, (int)device.Bus);
        writer.WriteString("bus_name"u8, device.Bus == NodeDeviceBus.Usb ? "USB" : "PCIE");
        writer.WriteNumber("hardware_type"u8, device.HardwareType);
        writer.WriteString("hardware_type_name"u8, device.HardwareType >= 0 && device.HardwareType < ScriptChoices.HardwareTypeNames.Count ? ScriptChoices.HardwareTypeNames[device.HardwareType] : "Node");
        writer.WriteString("system_id"u8, machine.SystemId);
        writer.WriteNumber("numa_node"u8, device.NumaNode);
        writer.WritePropertyName("physical_blockdevice"u8);
        if (device.BlockDeviceName is { } name && machine.BlockDevices.FirstOrDefault(d => d.Name == name) is { } disk)
        {
            BlockDeviceJson.Write(writer, machine, disk, ReferenceEquals(disk, MachineJson.BootDisk(machine)), StorageFacts.TableOverhead(machine));
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName("physical_interface"u8);
        if (device.InterfaceMac is { } mac && machine.Interfaces.FirstOrDefault(i => i.Type == InterfaceType.Physical && string.Equals(i.MacAddress.ToString(), mac, StringComparison.OrdinalIgnoreCase)) is { } nic)
        {
            InterfaceJson.Write(writer, machine, nic, context);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString("vendor_id"u8, device.VendorId);
        writer.WriteString("product_id"u8, device.ProductId);
        writer.WriteString("vendor_name"u8, device.VendorName);
        writer.WriteString("product_name"u8, device.ProductName);
        writer.WriteString("commissioning_driver"u8, device.CommissioningDriver);
        WriteNullable(writer, "bus_number"u8, device.BusNumber);
        WriteNullable(writer, "device_number"u8, device.DeviceNumber);
        if (device.PciAddress is { } pci)
        {
            writer.WriteString("pci_address"u8, pci);
        }
        else
        {
            writer.WriteNull("pci_address"u8);
        }

        writer.WriteString("resource_uri"u8, ResourceUris.NodeDevice(machine.SystemId, device.Id));
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } n)
        {
            writer.WriteNumber(name, n);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
