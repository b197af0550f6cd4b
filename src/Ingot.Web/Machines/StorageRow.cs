using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;

namespace Ingot.Web.Machines;

/// <summary>
/// One row of a machine's storage table: a disk, one of its partitions, a RAID, a volume group or one of its
/// logical volumes, a bcache cache set or a bcache device, with the storage API's ids (<see cref="DeviceId"/>: disk, md device or logical volume;
/// <see cref="PartitionId"/>; <see cref="GroupId"/>) and what the row's buttons may offer.
/// </summary>
public sealed record StorageRow(StorageRowKind Kind, string Name, long Size, Filesystem? Filesystem, long DeviceId, long? PartitionId, long? GroupId)
{
    public bool IsBootDisk { get; init; }

    public bool HasPartitions { get; init; }

    /// <summary>A RAID's level, a volume group's member count, a disk's model.</summary>
    public string Detail { get; init; } = "";

    /// <summary>The kind as the storage table shows it.</summary>
    public string KindName => Kind switch
    {
        StorageRowKind.Disk => "disk",
        StorageRowKind.Partition => "partition",
        StorageRowKind.Raid => "RAID",
        StorageRowKind.VolumeGroup => "volume group",
        StorageRowKind.CacheSet => "cache set",
        StorageRowKind.Bcache => "bcache",
        _ => "logical volume",
    };

    /// <summary>How the row is named in Core's messages ("delete partition", "format block device").</summary>
    public string What => Kind switch
    {
        StorageRowKind.Partition => "partition",
        StorageRowKind.Raid => "RAID",
        StorageRowKind.VolumeGroup => "volume group",
        StorageRowKind.LogicalVolume => "logical volume",
        StorageRowKind.CacheSet => "cache set",
        StorageRowKind.Bcache => "Bcache",
        _ => "block device",
    };

    /// <summary>Whether a filesystem can be put on it: not a volume group, no partition table, not a group's member.</summary>
    public bool CanFormat => Kind is not (StorageRowKind.VolumeGroup or StorageRowKind.CacheSet) && !HasPartitions && (Filesystem is null || !StorageFilesystems.IsMember(Filesystem.Type));

    public bool CanUnmount => Filesystem is { MountPoint.Length: > 0 };

    public bool CanUnformat => Filesystem is { MountPoint.Length: 0 } f && !StorageFilesystems.IsMember(f.Type);

    public bool CanDelete => Kind != StorageRowKind.Disk;

    public StorageTarget? Target => Kind switch
    {
        StorageRowKind.VolumeGroup or StorageRowKind.CacheSet => null,
        StorageRowKind.Partition => new StorageTarget(DeviceId, PartitionId),
        _ => new StorageTarget(DeviceId, null),
    };

    /// <summary>Every row of <paramref name="machine"/>: disks with their partitions, RAIDs, volume groups with their volumes.</summary>
    public static IReadOnlyList<StorageRow> Of(Machine machine)
    {
        var rows = new List<StorageRow>();
        foreach (BlockDevice disk in machine.BlockDevices)
        {
            rows.Add(new StorageRow(StorageRowKind.Disk, disk.Name, disk.SizeBytes, disk.Filesystem, disk.Id, null, null)
            {
                IsBootDisk = disk.IsBootDisk,
                HasPartitions = disk.Partitions.Count > 0,
                Detail = disk.Model,
            });
            for (int i = 0; i < disk.Partitions.Count; i++)
            {
                Partition partition = disk.Partitions[i];
                rows.Add(new StorageRow(StorageRowKind.Partition, $"{disk.Name}-part{i + 1}", partition.SizeBytes, partition.Filesystem, disk.Id, StorageIds.Partition(disk.Id, i), null));
            }
        }

        foreach (Raid raid in machine.Storage.Raids)
        {
            rows.Add(new StorageRow(StorageRowKind.Raid, raid.Name, StorageSpace.RaidSize(machine, raid), raid.Filesystem, StorageIds.Virtual(raid.Id), null, null)
            {
                Detail = $"{raid.Level}, {raid.Members.Count} active, {raid.Spares.Count} spare",
            });
        }

        foreach (VolumeGroup group in machine.Storage.VolumeGroups)
        {
            rows.Add(new StorageRow(StorageRowKind.VolumeGroup, group.Name, StorageSpace.VolumeGroupFree(machine, group), null, 0, null, group.Id)
            {
                Detail = $"{group.Members.Count} member(s), size shown is free",
            });
            foreach (LogicalVolume volume in group.LogicalVolumes)
            {
                rows.Add(new StorageRow(StorageRowKind.LogicalVolume, $"{group.Name}-{volume.Name}", volume.SizeBytes, volume.Filesystem, StorageIds.Virtual(volume.Id), null, group.Id));
            }
        }

        foreach (CacheSet set in machine.Storage.CacheSets)
        {
            rows.Add(new StorageRow(StorageRowKind.CacheSet, CacheSet.NameOf(machine.Storage, set), StorageSpace.SizeOf(machine, set.Device), null, 0, null, set.Id)
            {
                Detail = $"cache device {MemberName(machine, set.Device)}",
            });
        }

        foreach (Bcache bcache in machine.Storage.Bcaches)
        {
            string cacheSet = machine.Storage.CacheSets.FirstOrDefault(c => c.Id == bcache.CacheSetId) is { } set ? CacheSet.NameOf(machine.Storage, set) : "no cache set";
            rows.Add(new StorageRow(StorageRowKind.Bcache, bcache.Name, StorageSpace.BcacheSize(machine, bcache), bcache.Filesystem, StorageIds.Virtual(bcache.Id), null, bcache.Id)
            {
                Detail = $"{bcache.CacheMode}, backing {MemberName(machine, bcache.Backing)}, {cacheSet}",
            });
        }

        return rows;
    }

    private static string MemberName(Machine machine, StorageMember member) =>
        member.RaidId is long raidId ? machine.Storage.Raids.FirstOrDefault(r => r.Id == raidId)?.Name ?? "?"
        : machine.BlockDevices.FirstOrDefault(d => d.Id == member.DiskId) is { } disk
            ? (member.PartitionIndex is int index ? $"{disk.Name}-part{index + 1}" : disk.Name)
            : "?";
}
