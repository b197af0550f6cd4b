using Ingot.Api.Wire;
using Ingot.Core.Zones;

namespace Ingot.Api.Zones;

/// <summary><c>/MAAS/api/2.0/zones/</c> (MAAS's <c>ZonesHandler</c>): list; create (admin only).</summary>
public static class ZonesApi
{
    public static ApiResource Resource { get; } = new(
        "zones/",
        new ApiHandler("ZonesHandler", "Manage physical zones.")
            .Read(ListAsync, "List zones.\n\nGet a listing of all the physical zones.")
            .Create(CreateAsync, """
                Create a new zone.

                Creates a new zone. Only administrators may create zones.

                :param name: The name of the new zone.
                :type name: unicode
                :param description: A description of the new zone.
                :type description: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(ZoneJson.RenderList(await request.Service<ZoneOperations>().ListAsync(ct)));

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        Zone zone = await request.Service<ZoneOperations>().CreateAsync(request.Caller, form.Get("name"), form.Get("description"), ct);
        return ApiResult.Json(ZoneJson.Render(zone));
    }
}
