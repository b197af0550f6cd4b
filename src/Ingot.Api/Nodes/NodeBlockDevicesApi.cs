using Ingot.Api.Machines;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Wire.Machines;

namespace Ingot.Api.Nodes;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/blockdevices/</c> (MAAS's <c>BlockDevicesHandler</c>, read only
/// here): the node's block devices with their partitions. 404 "No Node matches the given query." for a
/// node the caller may not view.
/// </summary>
public static class NodeBlockDevicesApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/blockdevices/",
        new ApiHandler("BlockDevicesHandler", "Manage block devices on a machine.")
            .Read(ReadAsync, "List all block devices belonging to a machine."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().FindVisibleAsync(request.Route("system_id"), request.Caller, ct)
            ?? throw ApiException.NotFound("Node");
        return ApiResult.Json(writer => StorageJson.WriteDevices(writer, machine));
    }
}
