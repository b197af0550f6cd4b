using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/bcache-cache-sets/</c> (MAAS's <c>BcacheCacheSetsHandler</c>): list the
/// cache sets; create one from <c>cache_device</c> or <c>cache_partition</c> (admin, Ready).
/// </summary>
public static class BcacheCacheSetsApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/bcache-cache-sets/",
        new ApiHandler("BcacheCacheSetsHandler", "Manage bcache cache sets on a machine.")
            .Read(ReadAsync, "List all bcache cache sets belonging to a machine.")
            .Create(CreateAsync, "Creates a bcache cache set.\n\nSpecifying both a cache_device and a cache_partition is not allowed.\n\n:param cache_device: Cache block device.\n:type cache_device: unicode\n:param cache_partition: Cache partition.\n:type cache_partition: unicode"));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        return ApiResult.Json(w =>
        {
            w.WriteStartArray();
            foreach (CacheSet set in machine.Storage.CacheSets)
            {
                StorageJson.WriteCacheSet(w, machine, set);
            }

            w.WriteEndArray();
        });
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        long id = 0;
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "create cache set", m =>
            id = CustomStorage.CreateCacheSet(m, request.StorageForm()).Id, ct);
        return ApiResult.Json(w => StorageJson.WriteCacheSet(w, machine, StorageRequests.CacheSet(machine, id)));
    }
}
