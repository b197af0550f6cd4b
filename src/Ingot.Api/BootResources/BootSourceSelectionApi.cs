using Ingot.Api.Wire;
using Ingot.Core.BootResources;
using Ingot.Core.Forms;

namespace Ingot.Api.BootResources;

/// <summary><c>/MAAS/api/2.0/boot-sources/{boot_source_id}/selections/{id}/</c> (MAAS's <c>BootSourceSelectionHandler</c>, admin only, reads included): read; update and delete.</summary>
public static class BootSourceSelectionApi
{
    public static ApiResource Resource { get; } = new(
        "boot-sources/{boot_source_id}/selections/{id}/",
        new ApiHandler("BootSourceSelectionHandler", "Manage a boot source selection.")
            .Read(ReadAsync, "Read a boot source selection.\n\nRead a boot source selection with the given id.")
            .Update(UpdateAsync, """
                Update a boot-source selection.

                Update a boot source selection with the given id.

                :param os: The OS (e.g. ubuntu, centos) for which to import resources.
                :type os: unicode
                :param release: The release for which to import resources.
                :type release: unicode
                :param arches: The list of architectures for which to import resources.
                :type arches: unicode
                :param subarches: The list of subarchitectures for which to import resources.
                :type subarches: unicode
                :param labels: The list of labels for which to import resources.
                :type labels: unicode
                """)
            .Delete(DeleteAsync, "Delete a boot source selection.\n\nDelete a boot source selection with the given id."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        return ApiResult.Json(BootSourceJson.Render(await request.Service<BootSourceOperations>().GetSelectionAsync(request.Route("boot_source_id"), request.Route("id"), ct)));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(BootSourceJson.Render(await request.Service<BootSourceOperations>().UpdateSelectionAsync(
            request.Caller, request.Route("boot_source_id"), request.Route("id"), BootSourceJson.SelectionFields(request.Parameters), ct)));

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<BootSourceOperations>().DeleteSelectionAsync(request.Caller, request.Route("boot_source_id"), request.Route("id"), ct);
        return ApiResult.Deleted();
    }
}
