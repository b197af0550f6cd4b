using System.Text.Json.Nodes;
using Ingot.Api.Wire;

namespace Ingot.Api.Networks;

/// <summary>
/// <c>/MAAS/api/2.0/spaces/</c> (MAAS's <c>SpacesHandler</c>, read only here): MAAS starts with no
/// spaces; VLANs and subnets without one show the <c>undefined</c> space, which is not listed.
/// </summary>
public static class SpacesApi
{
    public static ApiResource Resource { get; } = new(
        "spaces/",
        new ApiHandler("SpacesHandler", "Manage spaces.")
            .Read(ListAsync, "List all spaces."));

    private static Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        Task.FromResult(ApiResult.Json(new JsonArray()));
}
