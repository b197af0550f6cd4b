using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary><c>/MAAS/api/2.0/nodes/{system_id}/raid/{id}/</c> (MAAS's <c>RaidHandler</c>): read and delete a RAID.</summary>
public static class RaidApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/raid/{id}/",
        new ApiHandler("RaidHandler", "Manage a specific RAID (Redundant Array of Independent Disks) on a machine.")
            .Read(ReadAsync, "Read RAID.")
            .Delete(DeleteAsync, "Delete RAID; its members become unformatted."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        Raid raid = StorageRequests.Raid(machine, request.RouteId("id", "RAID"));
        return ApiResult.Json(w => StorageJson.WriteRaid(w, machine, raid));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        long id = request.RouteId("id", "RAID");
        await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "delete RAID", m =>
            CustomStorage.DeleteRaid(m, StorageRequests.Raid(m, id)), ct);
        return ApiResult.Deleted();
    }
}
