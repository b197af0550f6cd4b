using Ingot.Api.Wire;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/blockdevices/{device_id}/partitions/</c> (MAAS's <c>PartitionsHandler</c>):
/// list a disk's partitions; create one (<c>size</c>, default all that is free; <c>bootable</c>).
/// </summary>
public static class NodePartitionsApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/blockdevices/{device_id}/partitions/",
        new ApiHandler("PartitionsHandler", "Manage partitions on a block device.")
            .Read(ReadAsync, "List partitions on a device with the given system_id and device_id.")
            .Create(CreateAsync, "Create a partition on a block device.\n\n:param size: The size of the partition (default: all that is free).\n:type size: int\n:param bootable: If the partition should be marked bootable.\n:type bootable: boolean"));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        BlockDevice disk = StorageRequests.Disk(machine, DeviceId(request));
        return ApiResult.Json(w => StorageJson.WritePartitions(w, machine, disk));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        long deviceId = DeviceId(request);
        int index = -1;
        Machine machine = await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "create partition", m =>
            index = CustomStorage.CreatePartition(m, CustomStorage.Device(m, deviceId), request.StorageForm()), ct);
        BlockDevice disk = StorageRequests.Disk(machine, deviceId);
        return ApiResult.Json(w => StorageJson.WritePartition(w, machine, disk, index));
    }

    private static long DeviceId(ApiRequest request) => request.RouteId("device_id", "BlockDevice");
}
