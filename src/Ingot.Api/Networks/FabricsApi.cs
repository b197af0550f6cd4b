using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary><c>/MAAS/api/2.0/fabrics/</c> (MAAS's <c>FabricsHandler</c>): list; create (admin only) with its untagged VLAN.</summary>
public static class FabricsApi
{
    public static ApiResource Resource { get; } = new(
        "fabrics/",
        new ApiHandler("FabricsHandler", "Manage fabrics.")
            .Read(ListAsync, "List fabrics.\n\nList all fabrics.")
            .Create(CreateAsync, """
                Create a fabric.

                Create a fabric; it gets an untagged VLAN (VID 0).

                :param name: Name of the fabric.
                :type name: unicode
                :param description: Description of the fabric.
                :type description: unicode
                :param class_type: Class type of the fabric.
                :type class_type: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.List(model.Fabrics, (w, f) => NetworkJson.WriteFabric(w, model, f));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        Fabric fabric = await request.Networks().CreateFabricAsync(request.Caller, request.NetworkForm(), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteFabric(w, model, model.Fabric(fabric.Id) ?? fabric));
    }
}
