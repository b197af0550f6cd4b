using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary><c>/MAAS/api/2.0/spaces/{id}/</c> (MAAS's <c>SpaceHandler</c>): read by id or name; update and delete (admin only).</summary>
public static class SpaceApi
{
    public static ApiResource Resource { get; } = new(
        "spaces/{id}/",
        new ApiHandler("SpaceHandler", "Manage space.")
            .Read(ReadAsync, "Reads a space.\n\nGets a space with the given ID.")
            .Update(UpdateAsync, """
                Update space.

                :param name: The name of the space.
                :type name: unicode
                :param description: A description of the space.
                :type description: unicode
                """)
            .Delete(DeleteAsync, "Deletes a space.\n\nDeletes a space with the given ID; its VLANs go back to no space."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        NetworkModel model = await request.Networks().LoadAsync(ct);
        Space space = NetworkOperations.SpaceOf(model, request.Route("id"));
        return NetworkJson.One(w => NetworkJson.WriteSpace(w, model, space));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        Space space = await request.Networks().UpdateSpaceAsync(request.Caller, request.Route("id"), request.NetworkForm(), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteSpace(w, model, model.Space(space.Id) ?? space));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Networks().DeleteSpaceAsync(request.Caller, request.Route("id"), ct);
        return ApiResult.Deleted();
    }
}
