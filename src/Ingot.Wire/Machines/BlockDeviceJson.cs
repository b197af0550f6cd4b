using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

/// <summary>
/// A block device as MAAS's <c>BlockDeviceHandler</c> shows it, with its partitions and filesystems.
/// Core's disks are all physical. <c>id_path</c> and <c>firmware_version</c> are null until commissioning
/// reports them. Not in Core yet, so fixed: <c>uuid</c> null (physical disks have none), <c>storage_pool</c>
/// null, partition <c>tags</c> [].
/// </summary>
internal static class BlockDeviceJson
{
    public static void Write(Utf8JsonWriter writer, Machine machine, BlockDevice disk, bool isBootDisk, long overhead)
    {
        string path = "/dev/disk/by-dname/" + disk.Name;
        writer.WriteStartObject();
        writer.WriteString("firmware_version"u8, NullIfEmpty(disk.FirmwareVersion));
        writer.WriteString("system_id"u8, machine.SystemId);
        ResourceJson.WriteStrings(writer, "tags"u8, disk.Tags);
        writer.WriteString("id_path"u8, NullIfEmpty(disk.IdPath));
        writer.WriteNumber("size"u8, disk.SizeBytes);
        writer.WriteNumber("block_size"u8, disk.BlockSize);
        writer.WriteString("type"u8, "physical"u8);
        writer.WriteNull("uuid"u8);
        WriteFilesystem(writer, disk.Filesystem, machine.SystemId, "disk", disk.Id, 0);
        writer.WriteStartArray("partitions"u8);
        for (int i = 0; i < disk.Partitions.Count; i++)
        {
            WritePartition(writer, machine, disk, path, isBootDisk, i);
        }

        writer.WriteEndArray();
        writer.WriteString("partition_table_type"u8, disk.Partitions.Count > 0 ? StorageFacts.DefaultTableType : "");
        writer.WriteString("model"u8, disk.Model);
        writer.WriteNull("storage_pool"u8);
        writer.WriteNumber("available_size"u8, StorageFacts.AvailableSize(disk, overhead));
        writer.WriteNumber("id"u8, disk.Id);
        writer.WriteNumber("used_size"u8, StorageFacts.UsedSize(disk, overhead));
        writer.WriteString("path"u8, path);
        writer.WriteString("used_for"u8, StorageFacts.UsedFor(disk));
        writer.WriteString("serial"u8, disk.Serial);
        writer.WriteString("name"u8, disk.Name);
        ResourceUris.WriteBlockDevice(writer, machine.SystemId, disk.Id);
        writer.WriteNumber("numa_node"u8, disk.NumaNode);
        writer.WriteEndObject();
    }

    internal static void WritePartition(Utf8JsonWriter writer, Machine machine, BlockDevice disk, string diskPath, bool isBootDisk, int index)
    {
        Partition partition = disk.Partitions[index];
        long id = DerivedIds.Partition(disk.Id, index);
        writer.WriteStartObject();
        writer.WriteString("uuid"u8, DerivedIds.Uuid(machine.SystemId, "partition", disk.Id, index));
        writer.WriteNumber("size"u8, partition.SizeBytes);
        writer.WriteBoolean("bootable"u8, partition.Bootable);
        writer.WriteStartArray("tags"u8);
        writer.WriteEndArray();
        writer.WriteString("system_id"u8, machine.SystemId);
        writer.WriteNumber("device_id"u8, disk.Id);
        writer.WriteString("type"u8, "partition"u8);
        WriteFilesystem(writer, partition.Filesystem, machine.SystemId, "partition-filesystem", disk.Id, index);
        writer.WriteNumber("id"u8, id);
        writer.WriteString("path"u8, $"{diskPath}-part{StorageFacts.PartitionNumber(machine, isBootDisk, index)}");
        writer.WriteString("used_for"u8, StorageFacts.UsedFor(partition));
        writer.WriteString("resource_uri"u8, ResourceUris.Partition(machine.SystemId, disk.Id, id));
        writer.WriteEndObject();
    }

    /// <summary><c>{"fstype","label","uuid","mount_point","mount_options"}</c> or null; empty texts are MAAS's nulls.</summary>
    internal static void WriteFilesystem(Utf8JsonWriter writer, Filesystem? filesystem, string systemId, string kind, long deviceId, int index)
    {
        if (filesystem is null)
        {
            writer.WriteNull("filesystem"u8);
            return;
        }

        writer.WriteStartObject("filesystem"u8);
        writer.WriteString("fstype"u8, filesystem.Type);
        writer.WriteString("label"u8, NullIfEmpty(filesystem.Label));
        writer.WriteString("uuid"u8, DerivedIds.Uuid(systemId, kind, deviceId, index));
        writer.WriteString("mount_point"u8, NullIfEmpty(filesystem.MountPoint));
        writer.WriteString("mount_options"u8, NullIfEmpty(filesystem.MountOptions));
        writer.WriteEndObject();
    }

    internal static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
