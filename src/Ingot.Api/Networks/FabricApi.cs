using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary><c>/MAAS/api/2.0/fabrics/{id}/</c> (MAAS's <c>FabricHandler</c>): read by id or name; update and delete (admin only).</summary>
public static class FabricApi
{
    public static ApiResource Resource { get; } = new(
        "fabrics/{id}/",
        new ApiHandler("FabricHandler", "Manage fabric.")
            .Read(ReadAsync, "Read a fabric.\n\nRead a fabric with the given id.")
            .Update(UpdateAsync, """
                Update fabric.

                :param name: Name of the fabric.
                :type name: unicode
                :param description: Description of the fabric.
                :type description: unicode
                :param class_type: Class type of the fabric.
                :type class_type: unicode
                """)
            .Delete(DeleteAsync, "Delete a fabric.\n\nDelete a fabric with the given id; the default fabric and fabrics with subnets stay."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        NetworkModel model = await request.Networks().LoadAsync(ct);
        Fabric fabric = NetworkOperations.FabricOf(model, request.Route("id"));
        return NetworkJson.One(w => NetworkJson.WriteFabric(w, model, fabric));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        Fabric fabric = await request.Networks().UpdateFabricAsync(request.Caller, request.Route("id"), request.NetworkForm(), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteFabric(w, model, model.Fabric(fabric.Id) ?? fabric));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Networks().DeleteFabricAsync(request.Caller, request.Route("id"), ct);
        return ApiResult.Deleted();
    }
}
