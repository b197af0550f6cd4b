using System.Text.Json.Nodes;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Storage;

/// <summary>
/// The bcache devices as curtin storage config v1 entries (MAAS's <c>_generate_bcache_operation</c>):
/// <c>type: bcache</c> with <c>backing_device</c>, <c>cache_device</c> (the cache set's disk or partition, by
/// curtin id), <c>cache_mode</c> and <c>name</c>; the filesystem on the bcache device is formatted like any other.
/// </summary>
internal static class CurtinBcache
{
    public static void Add(Machine machine, JsonArray config, List<(string Volume, Filesystem Filesystem, string Uuid)> formats)
    {
        foreach (Bcache bcache in machine.Storage.Bcaches)
        {
            // A bcache whose cache set or devices are gone is left out; StorageCheck refuses to deploy it.
            CacheSet? set = machine.Storage.CacheSets.FirstOrDefault(c => c.Id == bcache.CacheSetId);
            if (set is null || !Resolves(machine, bcache.Backing) || !Resolves(machine, set.Device))
            {
                continue;
            }

            config.Add(new JsonObject
            {
                ["id"] = bcache.Name,
                ["name"] = bcache.Name,
                ["type"] = "bcache",
                ["backing_device"] = CurtinStorage.MemberName(machine, bcache.Backing),
                ["cache_device"] = CurtinStorage.MemberName(machine, set.Device),
                ["cache_mode"] = bcache.CacheMode,
            });
            if (bcache.Filesystem is { } fs)
            {
                formats.Add((bcache.Name, fs, StorageUuids.Of(machine.SystemId, "bcache", bcache.Id, 0)));
            }
        }
    }

    private static bool Resolves(Machine machine, StorageMember member) => member.RaidId is long raidId
        ? machine.Storage.Raids.Any(r => r.Id == raidId)
        : machine.BlockDevices.FirstOrDefault(d => d.Id == member.DiskId) is { } disk && (member.PartitionIndex is not int index || index < disk.Partitions.Count);
}
