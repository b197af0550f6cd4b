using Ingot.Api.Wire;
using Ingot.Core.Machines;

namespace Ingot.Api.Networks;

/// <summary>
/// <c>/MAAS/api/2.0/fabrics/{fabric_id}/vlans/</c> (MAAS's <c>VlansHandler</c>, read only here):
/// the VLANs of a fabric named by id or name; any fabric but <c>fabric-0</c> is 404.
/// </summary>
public static class VlansApi
{
    public static ApiResource Resource { get; } = new(
        "fabrics/{fabric_id}/vlans/",
        new ApiHandler("VlansHandler", "Manage VLANs on a fabric.")
            .Read(ListAsync, "List VLANs.\n\nList all VLANs belonging to fabric."));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        NetworkTopology.IsFabric(request.Route("fabric_id"))
            ? NetworkJson.Vlans(await NetworkTopology.LoadAsync(request.Service<IMachineStore>(), ct))
            : throw ApiException.NotFound("Fabric");
}
