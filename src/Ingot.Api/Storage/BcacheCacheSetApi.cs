using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/bcache-cache-set/{id}/</c> (MAAS's <c>BcacheCacheSetHandler</c>): read,
/// update (<c>cache_device</c> or <c>cache_partition</c>) and delete (400 while a bcache uses it).
/// </summary>
public static class BcacheCacheSetApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/bcache-cache-set/{id}/",
        new ApiHandler("BcacheCacheSetHandler", "Manage bcache cache set on a machine.")
            .Read(ReadAsync, "Read bcache cache set on a machine.")
            .Update(UpdateAsync, "Update bcache cache set on a machine.\n\n:param cache_device: Cache block device to replace current one.\n:type cache_device: unicode\n:param cache_partition: Cache partition to replace current one.\n:type cache_partition: unicode")
            .Delete(DeleteAsync, "Delete bcache cache set on a machine."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        CacheSet set = StorageRequests.CacheSet(machine, request.RouteId("id", "CacheSet"));
        return ApiResult.Json(w => StorageJson.WriteCacheSet(w, machine, set));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        long id = request.RouteId("id", "CacheSet");
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "update cache set", m =>
            CustomStorage.UpdateCacheSet(m, StorageRequests.CacheSet(m, id), request.StorageForm()), ct);
        return ApiResult.Json(w => StorageJson.WriteCacheSet(w, machine, StorageRequests.CacheSet(machine, id)));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        long id = request.RouteId("id", "CacheSet");
        await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "delete cache set", m =>
            CustomStorage.DeleteCacheSet(m, StorageRequests.CacheSet(m, id)), ct);
        return ApiResult.Deleted();
    }
}
