using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/raids/</c> (MAAS's <c>RaidsHandler</c>): list the RAIDs; create one
/// (<c>name</c>, <c>level</c>, <c>block_devices</c>, <c>partitions</c>, <c>spare_devices</c>, <c>spare_partitions</c>).
/// </summary>
public static class RaidsApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/raids/",
        new ApiHandler("RaidsHandler", "Manage all RAIDs (Redundant Array of Independent Disks) on a machine.")
            .Read(ReadAsync, "List all RAIDs belonging to a machine.")
            .Create(CreateAsync, "Creates a RAID.\n\n:param name: Name of the RAID.\n:type name: unicode\n:param level: RAID level: raid-0, raid-1, raid-5, raid-6 or raid-10.\n:type level: unicode\n:param block_devices: Block devices to add to the RAID.\n:type block_devices: unicode\n:param spare_devices: Spare block devices to add to the RAID.\n:type spare_devices: unicode\n:param partitions: Partitions to add to the RAID.\n:type partitions: unicode\n:param spare_partitions: Spare partitions to add to the RAID.\n:type spare_partitions: unicode"));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        return ApiResult.Json(w =>
        {
            w.WriteStartArray();
            foreach (Raid raid in machine.Storage.Raids)
            {
                StorageJson.WriteRaid(w, machine, raid);
            }

            w.WriteEndArray();
        });
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        long id = 0;
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "create RAID", m =>
            id = CustomStorage.CreateRaid(m, request.StorageForm()).Id, ct);
        return ApiResult.Json(w => StorageJson.WriteRaid(w, machine, StorageRequests.Raid(machine, id)));
    }
}
