using Ingot.Api.Wire;
using Ingot.Core.ResourcePools;

namespace Ingot.Api.ResourcePools;

/// <summary>
/// <c>/MAAS/api/2.0/resourcepool/{id}/</c> (MAAS's <c>ResourcePoolHandler</c>), by id or name:
/// read; update and delete (admin only). The default pool and pools with machines cannot be deleted.
/// </summary>
public static class ResourcePoolApi
{
    public static ApiResource Resource { get; } = new(
        "resourcepool/{id}/",
        new ApiHandler("ResourcePoolHandler", "Manage a resource pool.")
            .Read(ReadAsync, "Get a resource pool.\n\nGets a resource pool by id or name.")
            .Update(UpdateAsync, """
                Update a resource pool.

                Updates a resource pool's name or description. Only administrators may update pools.

                :param name: The resource pool's new name.
                :type name: unicode
                :param description: The resource pool's new description.
                :type description: unicode
                """)
            .Delete(DeleteAsync, "Delete a resource pool.\n\nDeletes a resource pool. The default pool and pools with machines cannot be deleted."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(ResourcePoolJson.Render(await request.Service<ResourcePoolOperations>().GetAsync(request.Route("id"), ct)));

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        ResourcePool pool = await request.Service<ResourcePoolOperations>().UpdateAsync(
            request.Caller, request.Route("id"), form.Get("name"), form.Get("description"), ct);
        return ApiResult.Json(ResourcePoolJson.Render(pool));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<ResourcePoolOperations>().DeleteAsync(request.Caller, request.Route("id"), ct);
        return ApiResult.Deleted();
    }
}
