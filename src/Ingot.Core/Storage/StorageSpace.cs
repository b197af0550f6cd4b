using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Storage;

/// <summary>
/// MAAS's storage sizes (<c>partitiontable.py</c>, <c>partition.py</c>, <c>filesystemgroup.py</c>): the partition
/// table's overhead, free space on a disk, the sizes of members, RAIDs and volume groups.
/// </summary>
public static class StorageSpace
{
    public const long MiB = 1024 * 1024;

    /// <summary>Partitions are aligned to 4 MiB (MAAS's <c>PARTITION_ALIGNMENT_SIZE</c>).</summary>
    public const long Alignment = 4 * MiB;

    /// <summary>MAAS's <c>MIN_PARTITION_SIZE</c> (= <c>MIN_BLOCK_DEVICE_SIZE</c>).</summary>
    public const long MinPartitionSize = 4 * MiB;

    /// <summary><c>PartitionTable.get_overhead_size</c>: 5 MiB of table, plus PReP on ppc64el or bios_grub on non-UEFI amd64.</summary>
    public static long TableOverhead(Machine machine)
    {
        string arch = Family(machine.Architecture);
        if (arch == "ppc64el")
        {
            return (5 * MiB) + (8 * MiB);
        }

        return arch == "amd64" && !IsUefi(machine) ? 6 * MiB : 5 * MiB;
    }

    public static bool IsUefi(Machine machine) => machine.BiosBootMethod == "uefi";

    /// <summary>The disk's free space for a new partition, aligned down to 4 MiB; 0 when formatted or used whole.</summary>
    public static long Available(Machine machine, BlockDevice disk)
    {
        if (disk.Filesystem is not null)
        {
            return 0;
        }

        long free = disk.SizeBytes - TableOverhead(machine) - disk.Partitions.Sum(p => p.SizeBytes);
        return free <= 0 ? 0 : free / Alignment * Alignment;
    }

    /// <summary>A size rounded down to the partition alignment.</summary>
    public static long Aligned(long size) => size / Alignment * Alignment;

    /// <summary>The size a member gives its group.</summary>
    public static long SizeOf(Machine machine, StorageMember member)
    {
        if (member.RaidId is long raidId)
        {
            return machine.Storage.Raids.FirstOrDefault(r => r.Id == raidId) is { } raid ? RaidSize(machine, raid) : 0;
        }

        BlockDevice? disk = machine.BlockDevices.FirstOrDefault(d => d.Id == member.DiskId);
        if (disk is null)
        {
            return 0;
        }

        return member.PartitionIndex is int index ? (index < disk.Partitions.Count ? disk.Partitions[index].SizeBytes : 0) : disk.SizeBytes;
    }

    /// <summary>A bcache device's size: its backing device's (MAAS's <c>Bcache.get_size</c>).</summary>
    public static long BcacheSize(Machine machine, Bcache bcache) => SizeOf(machine, bcache.Backing);

    /// <summary>A RAID's size by its level, from its smallest active member (MAAS's <c>RAID.get_size</c>).</summary>
    public static long RaidSize(Machine machine, Raid raid)
    {
        if (raid.Members.Count == 0)
        {
            return 0;
        }

        long smallest = raid.Members.Min(m => SizeOf(machine, m));
        int n = raid.Members.Count;
        return raid.Level switch
        {
            "raid-0" => smallest * n,
            "raid-1" => smallest,
            "raid-5" => smallest * (n - 1),
            "raid-6" => smallest * (n - 2),
            "raid-10" => smallest * n / 2,
            _ => 0,
        };
    }

    /// <summary>MAAS's <c>LVM_PE_SIZE</c>: LVM's default physical extent, 4 MiB.</summary>
    public const long LvmPeSize = 4L * 1024 * 1024;

    /// <summary>
    /// A volume group's size as MAAS's <c>VolumeGroup.get_lvm_size</c> gives it: the physical volumes together in whole
    /// 4 MiB extents, less one extent per physical volume for LVM's headers (lp:1517129); 0 without members.
    /// </summary>
    public static long VolumeGroupSize(Machine machine, VolumeGroup group)
    {
        if (group.Members.Count == 0)
        {
            return 0;
        }

        long extents = group.Members.Sum(m => SizeOf(machine, m)) / LvmPeSize;
        return Math.Max(0, extents - group.Members.Count) * LvmPeSize;
    }

    /// <summary>What is left in a volume group after its logical volumes.</summary>
    public static long VolumeGroupFree(Machine machine, VolumeGroup group) =>
        Math.Max(0, VolumeGroupSize(machine, group) - group.LogicalVolumes.Sum(l => l.SizeBytes));

    /// <summary>The boot disk: the one marked, else the first disk by id (MAAS's <c>get_boot_disk</c>).</summary>
    public static BlockDevice? BootDisk(Machine machine) =>
        machine.BlockDevices.FirstOrDefault(d => d.IsBootDisk) ?? machine.BlockDevices.OrderBy(d => d.Id).FirstOrDefault();

    private static string Family(string architecture)
    {
        int slash = architecture.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? architecture : architecture[..slash];
    }
}
