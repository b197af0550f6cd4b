using Ingot.Api.Wire;
using Ingot.Core.BootResources;
using Ingot.Core.Forms;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.BootResources;

/// <summary><c>/MAAS/api/2.0/boot-sources/{boot_source_id}/selections/</c> (MAAS's <c>BootSourceSelectionsHandler</c>, admin only, reads included): list; create.</summary>
public static class BootSourceSelectionsApi
{
    public static ApiResource Resource { get; } = new(
        "boot-sources/{boot_source_id}/selections/",
        new ApiHandler("BootSourceSelectionsHandler", "Manage the collection of boot source selections.")
            .Read(ListAsync, "List boot-source selections.\n\nList all available boot-source selections.")
            .Create(CreateAsync, """
                Create a boot-source selection.

                Create a new boot source selection.

                :param os: The OS (e.g. ubuntu, centos) for which to import resources.
                :type os: unicode
                :param release: The release for which to import resources.
                :type release: unicode
                :param arches: The architecture list for which to import resources.
                :type arches: unicode
                :param subarches: The subarchitecture list for which to import resources.
                :type subarches: unicode
                :param labels: The label lists for which to import resources.
                :type labels: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        return ApiResult.Json(BootSourceJson.RenderList(await request.Service<BootSourceOperations>().ListSelectionsAsync(request.Route("boot_source_id"), ct)));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        BootSourceSelection selection = await request.Service<BootSourceOperations>().CreateSelectionAsync(
            request.Caller, request.Route("boot_source_id"), BootSourceJson.SelectionFields(request.Parameters), ct);
        return ApiResult.Json(BootSourceJson.Render(selection), StatusCodes.Status201Created);
    }
}
