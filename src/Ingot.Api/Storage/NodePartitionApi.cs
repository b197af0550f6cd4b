using Ingot.Api.Wire;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/blockdevices/{device_id}/partition/{id}</c> and <c>…/partitions/{id}</c>
/// (no trailing slash, MAAS's <c>PartitionHandler</c>): read, delete, <c>format</c>, <c>unformat</c>,
/// <c>mount</c>, <c>unmount</c>.
/// </summary>
public static class NodePartitionApi
{
    public static ApiResource Resource { get; } = new("nodes/{system_id}/blockdevices/{device_id}/partition/{id}", Handler());

    public static ApiResource PluralResource { get; } = new("nodes/{system_id}/blockdevices/{device_id}/partitions/{id}", Handler());

    private static ApiHandler Handler() => new ApiHandler("PartitionHandler", "Manage partition on a block device.")
        .Read(ReadAsync, "Read a partition.")
        .Delete(DeleteAsync, "Delete a partition.")
        .Post("format", FormatAsync, "Format a partition.\n\n:param fstype: Type of filesystem.\n:type fstype: unicode\n:param uuid: The UUID for the filesystem.\n:type uuid: unicode\n:param label: The label for the filesystem.\n:type label: unicode")
        .Post("unformat", UnformatAsync, "Unformat a partition.")
        .Post("mount", MountAsync, "Mount the filesystem on partition.\n\n:param mount_point: Path on the filesystem to mount.\n:type mount_point: unicode\n:param mount_options: Options to pass to mount(8).\n:type mount_options: unicode")
        .Post("unmount", UnmountAsync, "Unmount the filesystem on partition.");

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        (BlockDevice disk, int index) = CustomStorage.Partition(machine, DeviceId(request), PartitionId(request));
        return ApiResult.Json(w => StorageJson.WritePartition(w, machine, disk, index));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        long deviceId = DeviceId(request);
        long id = PartitionId(request);
        await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), "delete partition", m =>
        {
            (BlockDevice disk, int index) = CustomStorage.Partition(m, deviceId, id);
            CustomStorage.DeletePartition(m, disk, index);
        }, ct);
        return ApiResult.Deleted();
    }

    private static Task<ApiResult> FormatAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "format partition", (_, p) => p.Filesystem = CustomStorage.Format(p.Filesystem, false, request.StorageForm(), "partition"), ct);

    private static Task<ApiResult> UnformatAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "unformat partition", (_, p) =>
        {
            CustomStorage.CheckUnformat(p.Filesystem, "Partition");
            p.Filesystem = null;
        }, ct);

    private static Task<ApiResult> MountAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "mount partition", (m, p) => CustomStorage.Mount(m, p.Filesystem, request.StorageForm(), "partition"), ct);

    private static Task<ApiResult> UnmountAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "unmount partition", (_, p) => CustomStorage.Unmount(p.Filesystem, "Partition"), ct);

    private static async Task<ApiResult> EditAsync(ApiRequest request, string operation, Action<Machine, Partition> edit, CancellationToken ct)
    {
        long deviceId = DeviceId(request);
        long id = PartitionId(request);
        Machine machine = await request.Storage().EditFilesystemAsync(request.Caller, request.SystemId(), operation, m =>
        {
            (BlockDevice disk, int index) = CustomStorage.Partition(m, deviceId, id);
            edit(m, disk.Partitions[index]);
        }, ct);
        (BlockDevice d, int i) = CustomStorage.Partition(machine, deviceId, id);
        return ApiResult.Json(w => StorageJson.WritePartition(w, machine, d, i));
    }

    private static long DeviceId(ApiRequest request) => request.RouteId("device_id", "BlockDevice");

    private static long PartitionId(ApiRequest request) => request.RouteId("id", "Partition");
}
