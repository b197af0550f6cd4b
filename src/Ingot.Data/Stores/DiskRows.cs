using System.Data.Common;
using Ingot.Core.Hardware;

namespace Ingot.Data.Stores;

/// <summary>
/// Block devices with their filesystems and partitions in plain SQL (see <see cref="MachineRows"/>):
/// the statements and the reading of their rows.
/// </summary>
internal static class DiskRows
{
    /// <summary>Disks, then partitions, of the machines whose id is <paramref name="machineIds"/> (an SQL condition on the id, or "" for all).</summary>
    public static string Sql(string machineIds) => $"""
        SELECT d."machine_id", d."id", d."name", d."model", d."serial", d."size_bytes", d."block_size", d."tags", d."is_boot_disk",
               f."type", f."label", f."mount_point", f."mount_options", d."id_path", d."firmware_version", d."numa_node"
        FROM "block_devices" AS d LEFT JOIN "block_device_filesystems" AS f ON f."block_device_id" = d."id"
        {MachineRows.Where("d.\"machine_id\"", machineIds)} ORDER BY d."id";
        SELECT p."block_device_id", p."size_bytes", p."bootable", f."type", f."label", f."mount_point", f."mount_options"
        FROM "partitions" AS p LEFT JOIN "partition_filesystems" AS f ON f."id" = p."id"
        {MachineRows.Where("p.\"block_device_id\"", machineIds.Length == 0 ? "" : $""" IN (SELECT "id" FROM "block_devices" WHERE "machine_id"{machineIds})""")} ORDER BY p."id";
        """;

    public static async Task<List<(long MachineId, BlockDevice Disk)>> ReadAsync(DbDataReader r, CancellationToken ct)
    {
        var disks = new List<(long, BlockDevice)>();
        var byId = new Dictionary<long, BlockDevice>();
        while (await r.ReadAsync(ct))
        {
            var disk = new BlockDevice
            {
                Id = r.GetInt64(1),
                Name = r.GetString(2),
                Model = r.GetString(3),
                Serial = r.GetString(4),
                SizeBytes = r.GetInt64(5),
                BlockSize = r.GetInt32(6),
                Tags = RowValues.Strings(r, 7),
                IsBootDisk = r.GetBoolean(8),
                Filesystem = Filesystem(r, 9),
                IdPath = r.GetString(13),
                FirmwareVersion = r.GetString(14),
                NumaNode = r.GetInt32(15),
            };
            byId[disk.Id] = disk;
            disks.Add((r.GetInt64(0), disk));
        }

        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (byId.TryGetValue(r.GetInt64(0), out BlockDevice? disk))
            {
                disk.Partitions.Add(new Partition { SizeBytes = r.GetInt64(1), Bootable = r.GetBoolean(2), Filesystem = Filesystem(r, 3) });
            }
        }

        return disks;
    }

    /// <summary>The four filesystem columns from <paramref name="first"/>: null when there is no filesystem row.</summary>
    private static Filesystem? Filesystem(DbDataReader r, int first) =>
        r.IsDBNull(first)
            ? null
            : new Filesystem
            {
                Type = r.GetString(first),
                Label = RowValues.NullableText(r, first + 1) ?? "",
                MountPoint = RowValues.NullableText(r, first + 2) ?? "",
                MountOptions = RowValues.NullableText(r, first + 3) ?? "",
            };
}
