using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary>
/// <c>/MAAS/api/2.0/fabrics/{fabric_id}/vlans/{vid}/</c> and <c>/MAAS/api/2.0/vlans/{vlan_id}/</c> (MAAS's
/// <c>VlanHandler</c>): read; update and delete (admin only). Enabling DHCP is an update:
/// <c>dhcp_on=true primary_rack=&lt;rack system_id or hostname&gt;</c>, once a subnet of the VLAN has a dynamic range.
/// </summary>
public static class VlanApi
{
    private const string UpdateDoc = """
        Update VLAN.

        :param name: Name of the VLAN.
        :type name: unicode
        :param description: Description of the VLAN.
        :type description: unicode
        :param vid: VLAN ID of the VLAN.
        :type vid: int
        :param mtu: The MTU to use on the VLAN.
        :type mtu: int
        :param dhcp_on: Whether or not DHCP should be managed on the VLAN.
        :type dhcp_on: boolean
        :param primary_rack: The primary rack controller managing the VLAN (system_id).
        :type primary_rack: unicode
        :param secondary_rack: The secondary rack controller managing the VLAN (system_id).
        :type secondary_rack: unicode
        :param relay_vlan: Relay VLAN ID. Only set when this VLAN will be using a DHCP relay to forward DHCP requests to another VLAN that MAAS is managing.
        :type relay_vlan: int
        :param space: The space this VLAN should be placed in.
        :type space: unicode
        """;

    public static ApiResource Resource { get; } = Build("VlanHandler", "fabrics/{fabric_id}/vlans/{vid}/", r => m => NetworkOperations.VlanOf(m, r.Route("fabric_id"), r.Route("vid")));

    public static ApiResource ByIdResource { get; } = Build("VlanByIdHandler", "vlans/{vlan_id}/", r => m => NetworkOperations.VlanOf(m, r.Route("vlan_id")));

    private static ApiResource Build(string handlerName, string path, Func<ApiRequest, Func<NetworkModel, Vlan>> find) => new(
        path,
        new ApiHandler(handlerName, "Manage a VLAN on a fabric.")
            .Read((r, ct) => ReadAsync(r, find(r), ct), "Retrieve VLAN.\n\nRetrieves a VLAN on a given fabric_id.")
            .Update((r, ct) => UpdateAsync(r, find(r), ct), UpdateDoc)
            .Delete((r, ct) => DeleteAsync(r, find(r), ct), "Delete a VLAN.\n\nDelete VLAN on a given fabric; not the fabric's default VLAN."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, Func<NetworkModel, Vlan> find, CancellationToken ct)
    {
        NetworkModel model = await request.Networks().LoadAsync(ct);
        Vlan vlan = find(model);
        return NetworkJson.One(w => NetworkJson.WriteVlan(w, model, vlan));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, Func<NetworkModel, Vlan> find, CancellationToken ct)
    {
        (NetworkForm form, IReadOnlySet<string> racks) = await request.VlanFormAsync(ct);
        Vlan vlan = await request.Networks().UpdateVlanAsync(request.Caller, find, form, racks, ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteVlan(w, model, model.Vlan(vlan.Id) ?? vlan));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, Func<NetworkModel, Vlan> find, CancellationToken ct)
    {
        await request.Networks().DeleteVlanAsync(request.Caller, find, ct);
        return ApiResult.Deleted();
    }
}
