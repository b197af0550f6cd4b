using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Wire.Machines;

namespace Ingot.Api.Storage;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/blockdevices/{id}/</c> (MAAS's <c>BlockDeviceHandler</c>): read a block
/// device (physical or virtual); <c>set_boot_disk</c>; <c>format</c>, <c>unformat</c>, <c>mount</c>,
/// <c>unmount</c>. Each op answers with the device.
/// </summary>
public static class NodeBlockDeviceApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/blockdevices/{id}/",
        new ApiHandler("BlockDeviceHandler", "Manage a block device on a machine.")
            .Read(ReadAsync, "Read a block device on a given machine.")
            .Post("set_boot_disk", BootDiskAsync, "Set the block device as the boot disk for the machine.")
            .Post("format", FormatAsync, "Format block device with filesystem.\n\n:param fstype: Type of filesystem.\n:type fstype: unicode\n:param uuid: UUID of the filesystem.\n:type uuid: unicode\n:param label: Label of the filesystem.\n:type label: unicode")
            .Post("unformat", UnformatAsync, "Unformat a block device with a filesystem.")
            .Post("mount", MountAsync, "Mount the filesystem on block device.\n\n:param mount_point: Path on the filesystem to mount.\n:type mount_point: unicode\n:param mount_options: Options to pass to mount(8).\n:type mount_options: unicode")
            .Post("unmount", UnmountAsync, "Unmount the filesystem on block device."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.ReadMachineAsync(ct);
        return Render(machine, DeviceId(request));
    }

    private static Task<ApiResult> BootDiskAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "set boot disk", structural: true, (m, d) => CustomStorage.SetBootDisk(m, d), ct);

    private static Task<ApiResult> FormatAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "format block device", structural: false, (_, d) =>
            d.Filesystem = CustomStorage.Format(d.Filesystem, d.Disk?.Partitions.Count > 0, request.StorageForm(), "block device"), ct);

    private static Task<ApiResult> UnformatAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "unformat block device", structural: false, (_, d) =>
        {
            CustomStorage.CheckUnformat(d.Filesystem, "Block device");
            d.Filesystem = null;
        }, ct);

    private static Task<ApiResult> MountAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "mount block device", structural: false, (m, d) => CustomStorage.Mount(m, d.Filesystem, request.StorageForm(), "block device"), ct);

    private static Task<ApiResult> UnmountAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, "unmount block device", structural: false, (_, d) => CustomStorage.Unmount(d.Filesystem, "Block device"), ct);

    private static async Task<ApiResult> EditAsync(ApiRequest request, string operation, bool structural, Action<Machine, StorageDevice> edit, CancellationToken ct)
    {
        long id = DeviceId(request);
        void Apply(Machine m) => edit(m, CustomStorage.Device(m, id));
        Machine machine = structural
            ? await request.Storage().EditStructureAsync(request.Caller, request.SystemId(), operation, Apply, ct)
            : await request.Storage().EditFilesystemAsync(request.Caller, request.SystemId(), operation, Apply, ct);
        return Render(machine, id);
    }

    private static ApiResult Render(Machine machine, long id)
    {
        StorageDevice device = CustomStorage.Device(machine, id);
        return ApiResult.Json(w => StorageJson.WriteDevice(w, machine, device));
    }

    private static long DeviceId(ApiRequest request) => request.RouteId("id", "BlockDevice");
}
