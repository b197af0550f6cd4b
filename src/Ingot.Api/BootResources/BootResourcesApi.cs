using System.Text.Json.Nodes;
using Ingot.Api.Wire;

namespace Ingot.Api.BootResources;

/// <summary>
/// <c>/MAAS/api/2.0/boot-resources/</c> (MAAS's <c>BootResourcesHandler</c>, read only here): the
/// boot images this MAAS has. Ingot has none to list yet, so the list is empty.
/// </summary>
public static class BootResourcesApi
{
    public static ApiResource Resource { get; } = new(
        "boot-resources/",
        new ApiHandler("BootResourcesHandler", "Manage the boot resources.")
            .Read(ListAsync, """
                List boot resources.

                List all boot resources.

                :param type: Type of boot resources to list (synced, generated, uploaded); accepted and ignored while the list is empty.
                :type type: unicode
                """));

    private static Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        Task.FromResult(ApiResult.Json(new JsonArray()));
}
