using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

/// <summary>
/// The storage API's objects (MAAS's <c>BlockDeviceHandler</c>, <c>PartitionHandler</c>,
/// <c>VolumeGroupHandler</c>, <c>RaidHandler</c>): physical disks as the machine JSON shows them, virtual
/// block devices (logical volumes, md devices) with <c>type: virtual</c>, partitions, volume groups and RAIDs.
/// </summary>
public static partial class StorageJson
{
    public static void WriteDevice(Utf8JsonWriter writer, Machine machine, StorageDevice device)
    {
        if (device.Disk is { } disk)
        {
            BlockDeviceJson.Write(writer, machine, disk, ReferenceEquals(disk, MachineJson.BootDisk(machine)), StorageFacts.TableOverhead(machine));
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("system_id"u8, machine.SystemId);
        writer.WriteNumber("id"u8, device.Id);
        writer.WriteString("name"u8, device.Name);
        writer.WriteString("uuid"u8, VirtualUuid(machine, device));
        writer.WriteString("type"u8, "virtual"u8);
        writer.WriteString("path"u8, "/dev/disk/by-dname/" + device.Name);
        writer.WriteString("model"u8, "");
        writer.WriteString("serial"u8, "");
        writer.WriteNull("id_path"u8);
        writer.WriteNumber("size"u8, device.Size);
        writer.WriteNumber("block_size"u8, 4096);
        writer.WriteNumber("available_size"u8, device.Filesystem is null ? device.Size : 0);
        writer.WriteNumber("used_size"u8, device.Filesystem is null ? 0 : device.Size);
        writer.WriteString("used_for"u8, device.Filesystem is { } fs ? UsedFor(fs) : "Unused");
        writer.WriteStartArray("tags"u8);
        writer.WriteEndArray();
        BlockDeviceJson.WriteFilesystem(writer, device.Filesystem, machine.SystemId, "virtual-filesystem", device.Id, 0);
        writer.WriteStartArray("partitions"u8);
        writer.WriteEndArray();
        writer.WriteNull("partition_table_type"u8);
        writer.WriteNull("storage_pool"u8);
        writer.WriteNull("firmware_version"u8);
        writer.WriteNumber("numa_node"u8, 0);
        writer.WriteString("resource_uri"u8, ResourceUris.BlockDevice(machine.SystemId, device.Id));
        writer.WriteEndObject();
    }

    public static void WriteDevices(Utf8JsonWriter writer, Machine machine)
    {
        writer.WriteStartArray();
        foreach (StorageDevice device in CustomStorage.Devices(machine))
        {
            WriteDevice(writer, machine, device);
        }

        writer.WriteEndArray();
    }

    public static void WritePartition(Utf8JsonWriter writer, Machine machine, BlockDevice disk, int index)
    {
        bool isBoot = ReferenceEquals(disk, MachineJson.BootDisk(machine));
        BlockDeviceJson.WritePartition(writer, machine, disk, "/dev/disk/by-dname/" + disk.Name, isBoot, index);
    }

    public static void WritePartitions(Utf8JsonWriter writer, Machine machine, BlockDevice disk)
    {
        writer.WriteStartArray();
        for (int i = 0; i < disk.Partitions.Count; i++)
        {
            WritePartition(writer, machine, disk, i);
        }

        writer.WriteEndArray();
    }

    /// <summary>MAAS's volume group: <c>id, name, uuid, devices, size, available_size, used_size, logical_volumes, …</c>.</summary>
    public static void WriteVolumeGroup(Utf8JsonWriter writer, Machine machine, VolumeGroup group)
    {
        long size = StorageSpace.VolumeGroupSize(machine, group);
        long free = StorageSpace.VolumeGroupFree(machine, group);
        writer.WriteStartObject();
        writer.WriteString("system_id"u8, machine.SystemId);
        writer.WriteNumber("id"u8, group.Id);
        writer.WriteString("name"u8, group.Name);
        writer.WriteString("uuid"u8, StorageUuids.Of(machine.SystemId, "volume-group", group.Id, 0));
        writer.WriteNumber("size"u8, size);
        writer.WriteString("human_size"u8, Human(size));
        writer.WriteNumber("available_size"u8, free);
        writer.WriteString("human_available_size"u8, Human(free));
        writer.WriteNumber("used_size"u8, size - free);
        writer.WriteString("human_used_size"u8, Human(size - free));
        writer.WritePropertyName("devices"u8);
        WriteMembers(writer, machine, group.Members);
        writer.WriteStartArray("logical_volumes"u8);
        foreach (StorageDevice device in CustomStorage.Devices(machine).Where(d => ReferenceEquals(d.Group, group)))
        {
            WriteDevice(writer, machine, device);
        }

        writer.WriteEndArray();
        writer.WriteString("resource_uri"u8, $"{ResourceUris.ApiRoot}nodes/{machine.SystemId}/volume-group/{group.Id}/");
        writer.WriteEndObject();
    }

    /// <summary>MAAS's RAID: <c>id, name, level, uuid, devices, spare_devices, size, virtual_device, …</c>.</summary>
    public static void WriteRaid(Utf8JsonWriter writer, Machine machine, Raid raid)
    {
        long size = StorageSpace.RaidSize(machine, raid);
        writer.WriteStartObject();
        writer.WriteString("system_id"u8, machine.SystemId);
        writer.WriteNumber("id"u8, raid.Id);
        writer.WriteString("name"u8, raid.Name);
        writer.WriteString("level"u8, raid.Level);
        writer.WriteString("uuid"u8, StorageUuids.Of(machine.SystemId, "raid-group", raid.Id, 0));
        writer.WriteNumber("size"u8, size);
        writer.WriteString("human_size"u8, Human(size));
        writer.WritePropertyName("devices"u8);
        WriteMembers(writer, machine, raid.Members);
        writer.WritePropertyName("spare_devices"u8);
        WriteMembers(writer, machine, raid.Spares);
        writer.WritePropertyName("virtual_device"u8);
        WriteDevice(writer, machine, CustomStorage.Device(machine, StorageIds.Virtual(raid.Id)));
        writer.WriteString("resource_uri"u8, $"{ResourceUris.ApiRoot}nodes/{machine.SystemId}/raid/{raid.Id}/");
        writer.WriteEndObject();
    }

    internal static void WriteMember(Utf8JsonWriter writer, Machine machine, StorageMember member)
    {
        if (member.RaidId is long raidId)
        {
            WriteDevice(writer, machine, CustomStorage.Device(machine, StorageIds.Virtual(raidId)));
        }
        else if (machine.BlockDevices.FirstOrDefault(d => d.Id == member.DiskId) is { } disk)
        {
            if (member.PartitionIndex is int index && index < disk.Partitions.Count)
            {
                WritePartition(writer, machine, disk, index);
            }
            else if (member.PartitionIndex is null)
            {
                WriteDevice(writer, machine, CustomStorage.Device(machine, disk.Id));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void WriteMembers(Utf8JsonWriter writer, Machine machine, IEnumerable<StorageMember> members)
    {
        writer.WriteStartArray();
        foreach (StorageMember member in members)
        {
            if (member.RaidId is long raidId)
            {
                WriteDevice(writer, machine, CustomStorage.Device(machine, StorageIds.Virtual(raidId)));
            }
            else if (machine.BlockDevices.FirstOrDefault(d => d.Id == member.DiskId) is { } disk)
            {
                if (member.PartitionIndex is int index && index < disk.Partitions.Count)
                {
                    WritePartition(writer, machine, disk, index);
                }
                else if (member.PartitionIndex is null)
                {
                    WriteDevice(writer, machine, CustomStorage.Device(machine, disk.Id));
                }
            }
        }

        writer.WriteEndArray();
    }

    private static string UsedFor(Filesystem fs) => fs.MountPoint.Length > 0
        ? $"{fs.Type} formatted filesystem mounted at {fs.MountPoint}"
        : $"Unmounted {fs.Type} formatted filesystem";

    /// <summary>MAAS's <c>human_readable_bytes</c>: decimal units with one decimal.</summary>
    private static string Human(long bytes)
    {
        string[] units = ["bytes", "kB", "MB", "GB", "TB", "PB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes} bytes" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }
}
