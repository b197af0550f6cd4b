using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>
/// A machine's interfaces and block devices on their own, as <c>nodes/{system_id}/interfaces/</c> and
/// <c>nodes/{system_id}/blockdevices/</c> list them: the same objects the machine JSON nests.
/// </summary>
public static class MachineDevicesJson
{
    /// <summary>A JSON array of the machine's interfaces, in id order.</summary>
    public static void WriteInterfaces(Utf8JsonWriter writer, Machine machine, MachineJsonContext context)
    {
        writer.WriteStartArray();
        foreach (NetworkInterface nic in machine.Interfaces)
        {
            InterfaceJson.Write(writer, machine, nic, context);
        }

        writer.WriteEndArray();
    }

    /// <summary>One interface of the machine, as <c>nodes/{system_id}/interfaces/{id}/</c> shows it.</summary>
    public static void WriteInterface(Utf8JsonWriter writer, Machine machine, NetworkInterface nic, MachineJsonContext context) =>
        InterfaceJson.Write(writer, machine, nic, context);

    /// <summary>A JSON array of the machine's block devices, in id order.</summary>
    public static void WriteBlockDevices(Utf8JsonWriter writer, Machine machine)
    {
        BlockDevice? bootDisk = MachineJson.BootDisk(machine);
        long overhead = StorageFacts.TableOverhead(machine);
        writer.WriteStartArray();
        foreach (BlockDevice disk in machine.BlockDevices)
        {
            BlockDeviceJson.Write(writer, machine, disk, ReferenceEquals(disk, bootDisk), overhead);
        }

        writer.WriteEndArray();
    }
}
