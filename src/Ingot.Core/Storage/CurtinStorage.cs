using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Storage;

/// <summary>
/// The machine's storage as curtin's storage config v1 (MAAS's <c>compose_curtin_storage_config</c>): the
/// disks in use, their partitions (with the bios_grub or PReP partition MAAS's table overhead stands for),
/// RAIDs, bcaches (<see cref="CurtinBcache"/>), volume groups, logical volumes, then one <c>format</c> and one <c>mount</c> per filesystem, mounts
/// ordered so that a parent directory is mounted before what is under it. Pure.
/// </summary>
public static class CurtinStorage
{
    public static JsonObject Render(Machine machine)
    {
        var config = new JsonArray();
        var formats = new List<(string Volume, Filesystem Filesystem, string Uuid)>();
        BlockDevice? boot = StorageSpace.BootDisk(machine);
        foreach (BlockDevice disk in machine.BlockDevices.OrderBy(d => d.Id))
        {
            bool isBoot = ReferenceEquals(disk, boot);
            if (disk.Partitions.Count == 0 && disk.Filesystem is null && !isBoot)
            {
                continue;
            }

            config.Add(Disk(disk, isBoot));
            if (disk.Filesystem is { } whole)
            {
                formats.Add((disk.Name, whole, StorageUuids.Of(machine.SystemId, "disk", disk.Id, 0)));
            }
        }

        foreach (BlockDevice disk in machine.BlockDevices.OrderBy(d => d.Id))
        {
            AddPartitions(machine, disk, ReferenceEquals(disk, boot), config, formats);
        }

        foreach (Raid raid in machine.Storage.Raids)
        {
            config.Add(new JsonObject
            {
                ["id"] = raid.Name,
                ["name"] = raid.Name,
                ["type"] = "raid",
                ["raidlevel"] = int.Parse(raid.Level[5..], CultureInfo.InvariantCulture),
                ["devices"] = Names(machine, raid.Members),
                ["spare_devices"] = Names(machine, raid.Spares),
            });
            if (raid.Filesystem is { } fs)
            {
                formats.Add((raid.Name, fs, StorageUuids.Of(machine.SystemId, "raid", raid.Id, 0)));
            }
        }

        CurtinBcache.Add(machine, config, formats);
        foreach (VolumeGroup group in machine.Storage.VolumeGroups)
        {
            config.Add(new JsonObject
            {
                ["id"] = group.Name,
                ["name"] = group.Name,
                ["type"] = "lvm_volgroup",
                ["uuid"] = StorageUuids.Of(machine.SystemId, "volume-group", group.Id, 0),
                ["devices"] = Names(machine, group.Members),
            });
            foreach (LogicalVolume volume in group.LogicalVolumes)
            {
                string id = $"{group.Name}-{volume.Name}";
                config.Add(new JsonObject
                {
                    ["id"] = id,
                    ["name"] = volume.Name,
                    ["type"] = "lvm_partition",
                    ["volgroup"] = group.Name,
                    ["size"] = Bytes(volume.SizeBytes),
                });
                if (volume.Filesystem is { } fs)
                {
                    formats.Add((id, fs, StorageUuids.Of(machine.SystemId, "logical-volume", volume.Id, 0)));
                }
            }
        }

        var mounts = new List<(string Path, JsonObject Entry)>();
        foreach ((string volume, Filesystem fs, string uuid) in formats.Where(f => !StorageFilesystems.IsMember(f.Filesystem.Type)))
        {
            var format = new JsonObject { ["id"] = $"{volume}_format", ["type"] = "format", ["fstype"] = fs.Type };
            if (fs.Label.Length > 0)
            {
                format["label"] = fs.Label;
            }

            format["uuid"] = uuid;
            format["volume"] = volume;
            config.Add(format);
            if (fs.MountPoint.Length > 0)
            {
                var mount = new JsonObject { ["id"] = $"{volume}_mount", ["type"] = "mount", ["path"] = fs.MountPoint };
                if (fs.MountOptions.Length > 0)
                {
                    mount["options"] = fs.MountOptions;
                }

                mount["device"] = $"{volume}_format";
                mounts.Add((fs.MountPoint, mount));
            }
        }

        foreach ((_, JsonObject mount) in mounts.OrderBy(m => m.Path == "none" ? int.MaxValue : m.Path.TrimEnd('/').Count(c => c == '/')).ThenBy(m => m.Path, StringComparer.Ordinal))
        {
            config.Add(mount);
        }

        return new JsonObject { ["version"] = 1, ["config"] = config };
    }

    /// <summary>The curtin id of a partition: <c>&lt;disk&gt;-part&lt;number&gt;</c>.</summary>
    public static string PartitionName(Machine machine, BlockDevice disk, int index) =>
        $"{disk.Name}-part{PartitionNumber(machine, ReferenceEquals(disk, StorageSpace.BootDisk(machine)), index)}";

    /// <summary>MAAS's <c>get_partition_number</c>: the first number is the bios_grub / PReP partition's where the table has one.</summary>
    public static int PartitionNumber(Machine machine, bool isBootDisk, int index) => index + 1 + (ExtraPartition(machine, isBootDisk) is null ? 0 : 1);

    private static (string Flag, long Size)? ExtraPartition(Machine machine, bool isBootDisk)
    {
        string arch = machine.Architecture.Split('/')[0];
        if (arch == "ppc64el" && isBootDisk)
        {
            return ("prep", 8 * StorageSpace.MiB);
        }

        return arch == "amd64" && !StorageSpace.IsUefi(machine) ? ("bios_grub", StorageSpace.MiB) : null;
    }

    private static JsonObject Disk(BlockDevice disk, bool isBoot)
    {
        var entry = new JsonObject { ["id"] = disk.Name, ["name"] = disk.Name, ["type"] = "disk", ["wipe"] = "superblock" };
        if (disk.Partitions.Count > 0)
        {
            entry["ptable"] = "gpt";
        }

        if (disk.Serial.Length > 0)
        {
            entry["model"] = disk.Model;
            entry["serial"] = disk.Serial;
        }
        else
        {
            entry["path"] = disk.IdPath.Length > 0 ? disk.IdPath : "/dev/" + disk.Name;
        }

        if (isBoot)
        {
            entry["grub_device"] = true;
        }

        return entry;
    }

    private static void AddPartitions(Machine machine, BlockDevice disk, bool isBoot, JsonArray config, List<(string, Filesystem, string)> formats)
    {
        if (disk.Partitions.Count == 0)
        {
            return;
        }

        if (ExtraPartition(machine, isBoot) is { } extra)
        {
            config.Add(new JsonObject
            {
                ["id"] = $"{disk.Name}-part1",
                ["name"] = $"{disk.Name}-part1",
                ["type"] = "partition",
                ["number"] = 1,
                ["size"] = Bytes(extra.Size),
                ["device"] = disk.Name,
                ["wipe"] = "zero",
                ["flag"] = extra.Flag,
            });
        }

        for (int i = 0; i < disk.Partitions.Count; i++)
        {
            Partition partition = disk.Partitions[i];
            string name = $"{disk.Name}-part{PartitionNumber(machine, isBoot, i)}";
            var entry = new JsonObject
            {
                ["id"] = name,
                ["name"] = name,
                ["type"] = "partition",
                ["number"] = PartitionNumber(machine, isBoot, i),
                ["uuid"] = StorageUuids.Of(machine.SystemId, "partition", disk.Id, i),
                ["size"] = Bytes(partition.SizeBytes),
                ["device"] = disk.Name,
                ["wipe"] = "superblock",
            };
            if (i == 0 && ExtraPartition(machine, isBoot) is null)
            {
                entry["offset"] = Bytes(4 * StorageSpace.MiB);
            }

            if (partition.Bootable || partition.Filesystem?.MountPoint == "/boot/efi")
            {
                entry["flag"] = "boot";
            }

            config.Add(entry);
            if (partition.Filesystem is { } fs)
            {
                formats.Add((name, fs, StorageUuids.Of(machine.SystemId, "partition-filesystem", disk.Id, i)));
            }
        }
    }

    /// <summary>The curtin id of a group member: the RAID's name, the disk's name or the partition's.</summary>
    public static string MemberName(Machine machine, StorageMember member)
    {
        if (member.RaidId is long raidId)
        {
            return machine.Storage.Raids.First(r => r.Id == raidId).Name;
        }

        BlockDevice disk = machine.BlockDevices.First(d => d.Id == member.DiskId);
        return member.PartitionIndex is int index ? PartitionName(machine, disk, index) : disk.Name;
    }

    private static JsonArray Names(Machine machine, IEnumerable<StorageMember> members) => [.. members.Select(m => (JsonNode)MemberName(machine, m))];

    private static string Bytes(long size) => size.ToString(CultureInfo.InvariantCulture) + "B";
}
