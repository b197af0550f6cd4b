using Ingot.Api.Wire;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/volume-group/{id}/</c> (also <c>volume-groups/{id}/</c>, MAAS's
/// <c>VolumeGroupHandler</c>): read, delete, <c>create_logical_volume</c> (<c>name</c>, <c>size</c>) and
/// <c>delete_logical_volume</c> (<c>id</c>).
/// </summary>
public static class VolumeGroupApi
{
    public static ApiResource Resource { get; } = new("nodes/{system_id}/volume-group/{id}/", Handler());

    public static ApiResource PluralResource { get; } = new("nodes/{system_id}/volume-groups/{id}/", Handler());

    private static ApiHandler Handler() => new ApiHandler("VolumeGroupHandler", "Manage volume group on a machine.")
        .Read(ReadAsync, "Read a volume group.")
        .Delete(DeleteAsync, "Delete a volume group; its logical volumes go with it.")
        .Post("create_logical_volume", CreateVolumeAsync, "Create a logical volume in the volume group.\n\n:param name: Name of the logical volume.\n:type name: unicode\n:param size: (optional) Size of the logical volume (default: all that is free).\n:type size: unicode")
        .Post("delete_logical_volume", DeleteVolumeAsync, "Delete a logical volume from the volume group.\n\n:param id: ID of the logical volume.\n:type id: int");

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        VolumeGroup group = StorageRequests.VolumeGroup(machine, GroupId(request));
        return ApiResult.Json(w => StorageJson.WriteVolumeGroup(w, machine, group));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        long id = GroupId(request);
        await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "delete volume group", m =>
            CustomStorage.DeleteVolumeGroup(m, StorageRequests.VolumeGroup(m, id)), ct);
        return ApiResult.Deleted();
    }

    private static async Task<ApiResult> CreateVolumeAsync(ApiRequest request, CancellationToken ct)
    {
        long groupId = GroupId(request);
        long volumeId = 0;
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "create logical volume", m =>
            volumeId = CustomStorage.CreateLogicalVolume(m, StorageRequests.VolumeGroup(m, groupId), request.StorageForm()).Id, ct);
        StorageDevice device = CustomStorage.Device(machine, StorageIds.Virtual(volumeId));
        return ApiResult.Json(w => StorageJson.WriteDevice(w, machine, device));
    }

    private static async Task<ApiResult> DeleteVolumeAsync(ApiRequest request, CancellationToken ct)
    {
        long groupId = GroupId(request);
        string? text = request.StorageForm().Get("id");
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "delete logical volume", m =>
        {
            VolumeGroup group = StorageRequests.VolumeGroup(m, groupId);
            if (string.IsNullOrEmpty(text))
            {
                throw FormErrors.OnField("id", FormErrors.Required);
            }

            LogicalVolume volume = group.LogicalVolumes.FirstOrDefault(l => StorageIds.Virtual(l.Id).ToString(System.Globalization.CultureInfo.InvariantCulture) == text.Trim())
                ?? throw NotFound.Of("BlockDevice");
            CustomStorage.DeleteLogicalVolume(group, volume);
        }, ct);
        return ApiResult.Json(w => StorageJson.WriteVolumeGroup(w, machine, StorageRequests.VolumeGroup(machine, groupId)));
    }

    private static long GroupId(ApiRequest request) => request.RouteId("id", "VolumeGroup");
}
