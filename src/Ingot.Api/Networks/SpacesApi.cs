using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary>
/// <c>/MAAS/api/2.0/spaces/</c> (MAAS's <c>SpacesHandler</c>): list; create (admin only). MAAS starts
/// with no spaces; VLANs and subnets without one show the <c>undefined</c> space, which is not listed.
/// </summary>
public static class SpacesApi
{
    public static ApiResource Resource { get; } = new(
        "spaces/",
        new ApiHandler("SpacesHandler", "Manage spaces.")
            .Read(ListAsync, "List all spaces.")
            .Create(CreateAsync, """
                Create a space.

                :param name: The name of the new space.
                :type name: unicode
                :param description: A description of the new space.
                :type description: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.List(model.Spaces, (w, s) => NetworkJson.WriteSpace(w, model, s));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        Space space = await request.Networks().CreateSpaceAsync(request.Caller, request.NetworkForm(), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteSpace(w, model, model.Space(space.Id) ?? space));
    }
}
