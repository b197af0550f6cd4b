using Ingot.Api.Machines;
using Ingot.Api.Wire;

namespace Ingot.Api.Nodes;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/</c> (MAAS's <c>NodeHandler</c>): read, delete, <c>details</c> and
/// <c>power_parameters</c>. MAAS answers a node as its own type (<c>node.as_self()</c>), and Ingot's nodes are
/// all machines, so each op is the machine's: the same object (its <c>resource_uri</c> under
/// <c>machines/</c>), the same permission rules (delete and power parameters for administrators). A node
/// the caller may not view is 404 "No Node matches the given query.".
/// </summary>
public static class NodeApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/",
        new ApiHandler("NodeHandler", "Manage an individual Node.\n\nThe Node is identified by its system_id.")
            .Read((r, ct) => AsMachineAsync(r, MachineApi.ReadAsync, ct), "Read a node.\n\nReads a node with the given system_id.")
            .Delete((r, ct) => AsMachineAsync(r, MachineApi.DeleteAsync, ct), "Delete a node.\n\nDeletes a node with a given system_id. Administrators only.")
            .Get("details", (r, ct) => AsMachineAsync(r, MachineApi.DetailsAsync, ct), "Get system details.\n\nA BSON document with the node's lldp and lshw output.")
            .Get("power_parameters", (r, ct) => AsMachineAsync(r, MachineApi.PowerParametersAsync, ct), "Get power parameters.\n\nAdministrators only."));

    private static async Task<ApiResult> AsMachineAsync(ApiRequest request, ApiOperation operation, CancellationToken ct)
    {
        _ = await request.Queries().FindVisibleAsync(request.Route("system_id"), request.Caller, ct) ?? throw ApiException.NotFound("Node");
        return await operation(request, ct);
    }
}
