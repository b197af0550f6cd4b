using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/bcaches/</c> (MAAS's <c>BcachesHandler</c>): list the bcache devices; create
/// one (<c>name</c>, <c>uuid</c>, <c>cache_set</c>, <c>backing_device</c> or <c>backing_partition</c>, <c>cache_mode</c>).
/// </summary>
public static class BcachesApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/bcaches/",
        new ApiHandler("BcachesHandler", "Manage bcache devices on a machine.")
            .Read(ReadAsync, "List all bcache devices belonging to a machine.")
            .Create(CreateAsync, "Creates a bcache.\n\nSpecifying both a device and a partition for a given role (cache or backing) is not allowed.\n\n:param name: Name of the Bcache.\n:type name: unicode\n:param uuid: UUID of the Bcache.\n:type uuid: unicode\n:param cache_set: Cache set.\n:type cache_set: unicode\n:param backing_device: Backing block device.\n:type backing_device: unicode\n:param backing_partition: Backing partition.\n:type backing_partition: unicode\n:param cache_mode: Cache mode: writeback, writethrough, writearound.\n:type cache_mode: unicode"));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        return ApiResult.Json(w =>
        {
            w.WriteStartArray();
            foreach (Bcache bcache in machine.Storage.Bcaches)
            {
                StorageJson.WriteBcache(w, machine, bcache);
            }

            w.WriteEndArray();
        });
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        long id = 0;
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "create Bcache", m =>
            id = CustomStorage.CreateBcache(m, request.StorageForm()).Id, ct);
        return ApiResult.Json(w => StorageJson.WriteBcache(w, machine, StorageRequests.Bcache(machine, id)));
    }
}
