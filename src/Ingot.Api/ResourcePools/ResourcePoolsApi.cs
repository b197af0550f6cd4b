using Ingot.Api.Wire;
using Ingot.Core.ResourcePools;

namespace Ingot.Api.ResourcePools;

/// <summary><c>/MAAS/api/2.0/resourcepools/</c> (MAAS's <c>ResourcePoolsHandler</c>): list; create (admin only).</summary>
public static class ResourcePoolsApi
{
    public static ApiResource Resource { get; } = new(
        "resourcepools/",
        new ApiHandler("ResourcePoolsHandler", "Manage resource pools.")
            .Read(ListAsync, "List resource pools.\n\nGet a listing of all resource pools.")
            .Create(CreateAsync, """
                Create a resource pool.

                Creates a new resource pool. Only administrators may create pools.

                :param name: The new resource pool's name.
                :type name: unicode
                :param description: A brief description of the new resource pool.
                :type description: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(ResourcePoolJson.RenderList(await request.Service<ResourcePoolOperations>().ListAsync(ct)));

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        ResourcePool pool = await request.Service<ResourcePoolOperations>().CreateAsync(request.Caller, form.Get("name"), form.Get("description"), ct);
        return ApiResult.Json(ResourcePoolJson.Render(pool));
    }
}
