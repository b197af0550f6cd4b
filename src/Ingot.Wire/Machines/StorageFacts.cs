using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>
/// The derived storage values MAAS shows for a block device and its partitions
/// (<c>src/maasserver/models/partitiontable.py</c>, <c>partition.py</c>, <c>storage.py</c> <c>used_for</c>):
/// the partition table's overhead, used and available sizes, partition numbers and the
/// <c>used_for</c> sentence. Core does not record a partition-table type, so a partitioned disk
/// shows MAAS's default, GPT.
/// </summary>
internal static class StorageFacts
{
    /// <summary>MAAS's default partition table type.</summary>
    public const string DefaultTableType = "GPT";

    private const long MiB = 1024 * 1024;

    /// <summary>INITIAL_PARTITION_OFFSET (4 MiB) + END_OF_PARTITION_TABLE_SPACE (1 MiB).</summary>
    private const long TableExtraSpace = 5 * MiB;

    private const long PrepPartitionSize = 8 * MiB;

    private const long BiosGrubPartitionSize = 1 * MiB;

    /// <summary>Partitions are aligned down to 4 MiB; so is the available space MAAS reports.</summary>
    private const long PartitionAlignment = 4 * MiB;

    /// <summary><c>PartitionTable.get_overhead_size</c>: the table, plus PReP on ppc64el or bios_grub on non-UEFI amd64.</summary>
    public static long TableOverhead(Machine machine)
    {
        string arch = ArchitectureFamily(machine.Architecture);
        if (arch == "ppc64el")
        {
            return TableExtraSpace + PrepPartitionSize;
        }

        return arch == "amd64" && machine.BiosBootMethod != "uefi" ? TableExtraSpace + BiosGrubPartitionSize : TableExtraSpace;
    }

    /// <summary><c>BlockDevice.get_used_size</c>.</summary>
    public static long UsedSize(BlockDevice disk, long overhead)
    {
        if (disk.Filesystem is not null)
        {
            return disk.SizeBytes;
        }

        if (disk.Partitions.Count == 0)
        {
            return 0;
        }

        long used = overhead;
        foreach (Partition partition in disk.Partitions)
        {
            used += partition.SizeBytes;
        }

        return used;
    }

    /// <summary><c>BlockDevice.get_available_size</c>: aligned down to 4 MiB, never negative.</summary>
    public static long AvailableSize(BlockDevice disk, long overhead)
    {
        if (disk.Filesystem is not null)
        {
            return 0;
        }

        long free = disk.SizeBytes - (disk.Partitions.Count == 0 ? overhead : UsedSize(disk, overhead));
        return free <= 0 ? 0 : free / PartitionAlignment * PartitionAlignment;
    }

    /// <summary>The device's <c>used_for</c>.</summary>
    public static string UsedFor(BlockDevice disk) =>
        disk.Filesystem is { } filesystem ? UsedFor(filesystem)
        : disk.Partitions.Count == 1 ? $"{DefaultTableType} partitioned with 1 partition"
        : disk.Partitions.Count > 1 ? $"{DefaultTableType} partitioned with {disk.Partitions.Count} partitions"
        : "Unused";

    /// <summary>A partition's <c>used_for</c>.</summary>
    public static string UsedFor(Partition partition) => partition.Filesystem is { } filesystem ? UsedFor(filesystem) : "Unused";

    /// <summary>
    /// <c>Partition.get_partition_number</c> on a GPT table: the first number is kept for the PReP
    /// partition (ppc64el boot disk) or the bios_grub partition (non-UEFI amd64).
    /// </summary>
    public static int PartitionNumber(Machine machine, bool isBootDisk, int index)
    {
        string arch = ArchitectureFamily(machine.Architecture);
        bool skipFirst = (arch == "ppc64el" && isBootDisk) || (arch == "amd64" && machine.BiosBootMethod != "uefi");
        return skipFirst ? index + 2 : index + 1;
    }

    private static string UsedFor(Filesystem filesystem) => filesystem.MountPoint.Length > 0
        ? $"{filesystem.Type} formatted filesystem mounted at {filesystem.MountPoint}"
        : $"Unmounted {filesystem.Type} formatted filesystem";

    private static string ArchitectureFamily(string architecture)
    {
        int slash = architecture.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? architecture : architecture[..slash];
    }
}
