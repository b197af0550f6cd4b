using Ingot.Api.Wire;
using Ingot.Core.BootResources;
using Ingot.Core.Forms;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.BootResources;

/// <summary><c>/MAAS/api/2.0/boot-sources/</c> (MAAS's <c>BootSourcesHandler</c>, admin only, reads included): list; create.</summary>
public static class BootSourcesApi
{
    public static ApiResource Resource { get; } = new(
        "boot-sources/",
        new ApiHandler("BootSourcesHandler", "Manage the collection of boot sources.")
            .Read(ListAsync, "List boot sources.\n\nList all boot sources.")
            .Create(CreateAsync, """
                Create a boot source.

                Create a new boot source. Note that in addition to url, you must supply either keyring_data or keyring_filename.

                :param url: The URL of the BootSource.
                :type url: unicode
                :param keyring_filename: The path to the keyring file for this BootSource.
                :type keyring_filename: unicode
                :param keyring_data: The GPG keyring for this BootSource, base64-encoded.
                :type keyring_data: unicode
                :param priority: The priority for this BootSource.
                :type priority: int
                :param skip_keyring_verification: If true, keyring signature verification will be skipped.
                :type skip_keyring_verification: boolean
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        return ApiResult.Json(BootSourceJson.RenderList(await request.Service<BootSourceOperations>().ListAsync(ct)));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        BootSource source = await request.Service<BootSourceOperations>().CreateAsync(request.Caller, BootSourceJson.SourceFields(request.Parameters), ct);
        return ApiResult.Json(BootSourceJson.Render(source), StatusCodes.Status201Created);
    }
}
