using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/bcache/{id}/</c> (MAAS's <c>BcacheHandler</c>): read, update (any of the
/// create fields) and delete a bcache (its backing device becomes unformatted).
/// </summary>
public static class BcacheApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/bcache/{id}/",
        new ApiHandler("BcacheHandler", "Manage bcache device on a machine.")
            .Read(ReadAsync, "Read bcache device on a machine.")
            .Update(UpdateAsync, "Update bcache on a machine.\n\n:param name: Name of the Bcache.\n:type name: unicode\n:param uuid: UUID of the Bcache.\n:type uuid: unicode\n:param cache_set: Cache set to replace current one.\n:type cache_set: unicode\n:param backing_device: Backing block device to replace current one.\n:type backing_device: unicode\n:param backing_partition: Backing partition to replace current one.\n:type backing_partition: unicode\n:param cache_mode: Cache mode: writeback, writethrough, writearound.\n:type cache_mode: unicode")
            .Delete(DeleteAsync, "Delete bcache on a machine."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        Bcache bcache = StorageRequests.Bcache(machine, request.RouteId("id", "Bcache"));
        return ApiResult.Json(w => StorageJson.WriteBcache(w, machine, bcache));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        long id = request.RouteId("id", "Bcache");
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "update Bcache", m =>
            CustomStorage.UpdateBcache(m, StorageRequests.Bcache(m, id), request.StorageForm()), ct);
        return ApiResult.Json(w => StorageJson.WriteBcache(w, machine, StorageRequests.Bcache(machine, id)));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        long id = request.RouteId("id", "Bcache");
        await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "delete Bcache", m =>
            CustomStorage.DeleteBcache(m, StorageRequests.Bcache(m, id)), ct);
        return ApiResult.Deleted();
    }
}
