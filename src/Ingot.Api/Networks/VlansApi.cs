using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary><c>/MAAS/api/2.0/fabrics/{fabric_id}/vlans/</c> (MAAS's <c>VlansHandler</c>): list a fabric's VLANs; create one (admin only).</summary>
public static class VlansApi
{
    public static ApiResource Resource { get; } = new(
        "fabrics/{fabric_id}/vlans/",
        new ApiHandler("VlansHandler", "Manage VLANs on a fabric.")
            .Read(ListAsync, "List VLANs.\n\nList all VLANs belonging to fabric.")
            .Create(CreateAsync, """
                Create a VLAN.

                Creates a new VLAN.

                :param name: Name of the VLAN.
                :type name: unicode
                :param description: Description of the VLAN.
                :type description: unicode
                :param vid: VLAN ID of the VLAN.
                :type vid: int
                :param mtu: The MTU to use on the VLAN.
                :type mtu: int
                :param space: The space this VLAN should be placed in.
                :type space: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        NetworkModel model = await request.Networks().LoadAsync(ct);
        Fabric fabric = NetworkOperations.FabricOf(model, request.Route("fabric_id"));
        return NetworkJson.List(model.Vlans.Where(v => v.FabricId == fabric.Id).OrderBy(v => v.Vid), (w, v) => NetworkJson.WriteVlan(w, model, v));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        (NetworkForm form, IReadOnlySet<string> racks) = await request.VlanFormAsync(ct);
        Vlan vlan = await request.Networks().CreateVlanAsync(request.Caller, request.Route("fabric_id"), form, racks, ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteVlan(w, model, model.Vlan(vlan.Id) ?? vlan));
    }
}
