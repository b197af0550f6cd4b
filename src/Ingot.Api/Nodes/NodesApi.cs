using Ingot.Api.Machines;
using Ingot.Api.Wire;
using Ingot.Core.Machines.Filters;

namespace Ingot.Api.Nodes;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/</c> (MAAS's <c>NodesHandler</c>, anonymous <c>AnonNodesHandler</c>): every
/// node the caller may view, with the machines' filters. Ingot's nodes are all machines, and MAAS renders
/// each node as its own type, so the objects are machine objects.
/// </summary>
public static class NodesApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/",
        new ApiHandler("NodesHandler", "Manage the collection of all the nodes in the MAAS.")
            .Read(ReadAsync, """
                List nodes.

                List nodes visible to the user, optionally filtered by criteria.

                :param hostname: Only nodes with this hostname (repeatable).
                :param id: Only nodes with this system_id (repeatable).
                :param mac_address: Only nodes with this MAC address (repeatable).
                :param domain: Only nodes in this domain.
                :param zone: Only nodes in this zone.
                :param agent_name: Only nodes with this agent name.
                """)
            .Get("is_registered", MachinesApi.IsRegisteredAsync, MachinesApi.IsRegisteredDoc),
        new ApiHandler("AnonNodesHandler", "Anonymous access to Nodes.")
            .Get("is_registered", MachinesApi.IsRegisteredAsync, MachinesApi.IsRegisteredDoc)
            .Get("is_action_in_progress", MachinesApi.IsActionInProgressAsync, MachinesApi.IsActionInProgressDoc));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        var filter = MachineFilter.Parse(MachineForms.ToForm(request.Query), await request.VocabularyAsync(ct), allocating: false);
        return await MachineListResponse.ReadAsync(request, filter, ct);
    }
}
