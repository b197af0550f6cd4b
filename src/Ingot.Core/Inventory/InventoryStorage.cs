using Ingot.Core.Hardware;

namespace Ingot.Core.Inventory;

/// <summary>
/// MAAS's <c>_update_node_physical_block_devices</c> over Core's disks: read-only disks and CD-ROMs
/// are not modelled; a reported disk matches a known one by serial when it has one, else by id_path;
/// a match keeps its id, boot flag and storage configuration and takes the reported name, model,
/// serial, id_path, size, block size, firmware and tags; a new disk is added unless it is at most
/// 4 MiB or a loop device; a known disk that was not reported is removed.
/// </summary>
public static class InventoryStorage
{
    /// <summary>MAAS's <c>MIN_BLOCK_DEVICE_SIZE</c>: 4 MiB.</summary>
    public const long MinBlockDeviceSize = 4 * 1024 * 1024;

    public static List<BlockDevice> Reconcile(IReadOnlyList<BlockDevice> known, IReadOnlyList<InventoryDisk> reported)
    {
        var previous = new List<BlockDevice>(known);
        var result = new List<BlockDevice>();
        foreach (InventoryDisk disk in reported.Where(d => d.IsModelled))
        {
            string idPath = disk.IdPath;
            BlockDevice? match = disk.Serial.Length > 0
                ? previous.Find(d => d.Serial == disk.Serial)
                : previous.Find(d => d.IdPath == idPath);
            if (match is null)
            {
                if (disk.Size <= MinBlockDeviceSize || idPath.StartsWith("/dev/loop", StringComparison.Ordinal))
                {
                    continue;
                }

                match = new BlockDevice { Name = disk.Name };
            }
            else
            {
                previous.Remove(match);
            }

            match.Name = disk.Name;
            match.Model = disk.Model;
            match.Serial = disk.Serial;
            match.IdPath = idPath;
            match.SizeBytes = disk.Size;
            match.BlockSize = disk.BlockSize;
            match.FirmwareVersion = disk.FirmwareVersion;
            match.NumaNode = disk.NumaNode;
            match.Tags = [.. disk.Tags];
            result.Add(match);
        }

        return result;
    }
}
