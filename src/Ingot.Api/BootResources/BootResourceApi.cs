using Ingot.Api.Wire;
using Ingot.Core.BootResources;

namespace Ingot.Api.BootResources;

/// <summary><c>/MAAS/api/2.0/boot-resources/{id}/</c> (MAAS's <c>BootResourceHandler</c>): read with sets and files; delete (admin only).</summary>
public static class BootResourceApi
{
    public static ApiResource Resource { get; } = new(
        "boot-resources/{id}/",
        new ApiHandler("BootResourceHandler", "Manage a boot resource.")
            .Read(ReadAsync, "Read a boot resource.\n\nReads a boot resource by id.")
            .Delete(DeleteAsync, "Delete a boot resource.\n\nDelete a boot resource by id."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(BootResourceJson.Render(await request.Service<BootResourceOperations>().GetAsync(request.Route("id"), ct), withSets: true));

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<BootResourceOperations>().DeleteAsync(request.Caller, request.Route("id"), ct);
        return ApiResult.Deleted();
    }
}
