using Ingot.Api.Wire;
using Ingot.Core.Zones;

namespace Ingot.Api.Zones;

/// <summary>
/// <c>/MAAS/api/2.0/zones/{name}/</c> (MAAS's <c>ZoneHandler</c>): read; update and delete (admin
/// only). Deleting a zone moves its machines to the default zone, which cannot be deleted.
/// </summary>
public static class ZoneApi
{
    public static ApiResource Resource { get; } = new(
        "zones/{name}/",
        new ApiHandler("ZoneHandler", "Manage a physical zone.")
            .Read(ReadAsync, "Retrieve a zone.\n\nReturns a named zone.")
            .Update(UpdateAsync, """
                Update a zone.

                Updates a zone's name or description. Only administrators may update zones.

                :param name: The new name of the zone.
                :type name: unicode
                :param description: The new description of the zone.
                :type description: unicode
                """)
            .Delete(DeleteAsync, "Delete a zone.\n\nDeletes a zone; its machines move to the default zone. The default zone cannot be deleted."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(ZoneJson.Render(await request.Service<ZoneOperations>().GetAsync(request.Route("name"), ct)));

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        Zone zone = await request.Service<ZoneOperations>().UpdateAsync(
            request.Caller, request.Route("name"), form.Get("name"), form.Get("description"), ct);
        return ApiResult.Json(ZoneJson.Render(zone));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<ZoneOperations>().DeleteAsync(request.Caller, request.Route("name"), ct);
        return ApiResult.Deleted();
    }
}
