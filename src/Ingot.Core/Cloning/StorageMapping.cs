using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Cloning;

/// <summary>
/// MAAS's <c>_get_storage_mapping_between_nodes</c>: which destination disk receives which source
/// disk's configuration, or why the destination cannot take the source's storage. The boot disk
/// maps to the boot disk; the other disks are matched in three passes (same size and same tags;
/// then at least as large with the same tags; then at least as large with any tags). As in MAAS,
/// every destination disk must be matched, so a destination with more disks than the source fails.
/// </summary>
public static class StorageMapping
{
    /// <summary>Returns null and the pairs when the storage can be cloned, else MAAS's reason text.</summary>
    public static string? TryMap(Machine destination, Machine source, out IReadOnlyList<DiskPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(source);
        pairs = [];
        if (destination.Architecture != source.Architecture)
        {
            return $"node architectures do not match ({destination.Architecture} != {source.Architecture})";
        }

        if (destination.BiosBootMethod != source.BiosBootMethod)
        {
            return $"node boot methods do not match ({destination.BiosBootMethod} != {source.BiosBootMethod})";
        }

        if (BootDisk(destination) is not { } destBoot)
        {
            return "destination node has no physical block devices";
        }

        if (BootDisk(source) is not { } sourceBoot)
        {
            return "source node has no physical block devices";
        }

        if (destBoot.SizeBytes < sourceBoot.SizeBytes)
        {
            return $"destination boot disk({destBoot.Name}) is smaller than source boot disk({sourceBoot.Name})";
        }

        List<BlockDevice> destDisks = [.. destination.BlockDevices.Where(d => !ReferenceEquals(d, destBoot))];
        List<BlockDevice> sourceDisks = [.. source.BlockDevices.Where(d => !ReferenceEquals(d, sourceBoot))];
        if (destDisks.Count < sourceDisks.Count)
        {
            // MAAS's wording, although it is the destination that is short of disks.
            return $"source node does not have enough physical block devices ({destDisks.Count + 1} < {sourceDisks.Count + 1})";
        }

        var mapping = new List<DiskPair> { new(destBoot, sourceBoot) };
        Pass(destDisks, sourceDisks, mapping, (d, s) => d.SizeBytes == s.SizeBytes && SameTags(d, s));
        if (destDisks.Count > 0)
        {
            destDisks = [.. destDisks.OrderBy(d => d.SizeBytes)];
            sourceDisks = [.. sourceDisks.OrderBy(d => d.SizeBytes)];
            Pass(destDisks, sourceDisks, mapping, (d, s) => d.SizeBytes >= s.SizeBytes && SameTags(d, s));
        }

        if (destDisks.Count > 0)
        {
            Pass(destDisks, sourceDisks, mapping, (d, s) => d.SizeBytes >= s.SizeBytes);
        }

        if (destDisks.Count > 0)
        {
            return $"{destDisks.Count} destination node physical block devices do not match the source nodes physical block devices";
        }

        pairs = mapping;
        return null;
    }

    /// <summary>MAAS's <c>get_boot_disk</c>: the disk marked as boot disk, else the first one.</summary>
    public static BlockDevice? BootDisk(Machine machine) =>
        machine.BlockDevices.FirstOrDefault(d => d.IsBootDisk) ?? machine.BlockDevices.FirstOrDefault();

    private static void Pass(List<BlockDevice> destDisks, List<BlockDevice> sourceDisks, List<DiskPair> mapping, Func<BlockDevice, BlockDevice, bool> matches)
    {
        foreach (BlockDevice dest in destDisks.ToList())
        {
            if (sourceDisks.FirstOrDefault(s => matches(dest, s)) is { } match)
            {
                mapping.Add(new DiskPair(dest, match));
                destDisks.Remove(dest);
                sourceDisks.Remove(match);
            }
        }
    }

    private static bool SameTags(BlockDevice a, BlockDevice b) => a.Tags.ToHashSet().SetEquals(b.Tags);
}
