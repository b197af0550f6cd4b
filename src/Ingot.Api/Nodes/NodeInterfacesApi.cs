using Ingot.Api.Machines;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Wire.Machines;

namespace Ingot.Api.Nodes;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/interfaces/</c> (MAAS's <c>InterfacesHandler</c>, read only here):
/// the node's interfaces as the machine JSON nests them. 404 "No Node matches the given query." for a
/// node the caller may not view.
/// </summary>
public static class NodeInterfacesApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/interfaces/",
        new ApiHandler("InterfacesHandler", "Manage interfaces on a node.")
            .Read(ReadAsync, "List interfaces.\n\nList all interfaces belonging to a machine, device, or rack controller."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().FindVisibleAsync(request.Route("system_id"), request.Caller, ct)
            ?? throw ApiException.NotFound("Node");
        MachineJsonContext context = await MachineResponses.ContextAsync(request, [], ct);
        return ApiResult.Json(writer => MachineDevicesJson.WriteInterfaces(writer, machine, context));
    }
}
