using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/volume-groups/</c> (MAAS's <c>VolumeGroupsHandler</c>): list the volume
/// groups; create one from <c>block_devices</c> and <c>partitions</c> (admin, READY machine).
/// </summary>
public static class VolumeGroupsApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/volume-groups/",
        new ApiHandler("VolumeGroupsHandler", "Manage volume groups on a machine.")
            .Read(ReadAsync, "List all volume groups belonging to a machine.")
            .Create(CreateAsync, "Create a volume group belonging to a machine.\n\n:param name: Name of the volume group.\n:type name: unicode\n:param uuid: (optional) UUID of the volume group.\n:type uuid: unicode\n:param block_devices: Block devices to add to the volume group.\n:type block_devices: unicode\n:param partitions: Partitions to add to the volume group.\n:type partitions: unicode"));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        return ApiResult.Json(w =>
        {
            w.WriteStartArray();
            foreach (VolumeGroup group in machine.Storage.VolumeGroups)
            {
                StorageJson.WriteVolumeGroup(w, machine, group);
            }

            w.WriteEndArray();
        });
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        long id = 0;
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "create volume group", m =>
            id = CustomStorage.CreateVolumeGroup(m, request.StorageForm()).Id, ct);
        return ApiResult.Json(w => StorageJson.WriteVolumeGroup(w, machine, StorageRequests.VolumeGroup(machine, id)));
    }
}
