using Ingot.Api.Wire;
using Ingot.Core.BootResources;
using Ingot.Core.Forms;

namespace Ingot.Api.BootResources;

/// <summary><c>/MAAS/api/2.0/boot-sources/{id}/</c> (MAAS's <c>BootSourceHandler</c>, admin only, reads included): read; update and delete.</summary>
public static class BootSourceApi
{
    public static ApiResource Resource { get; } = new(
        "boot-sources/{id}/",
        new ApiHandler("BootSourceHandler", "Manage a boot source.")
            .Read(ReadAsync, "Read a boot source.\n\nRead a boot source with the given id.")
            .Update(UpdateAsync, """
                Update a boot source.

                Update a boot source with the given id.

                :param url: The URL of the BootSource.
                :type url: unicode
                :param keyring_filename: The path to the keyring file for this BootSource.
                :type keyring_filename: unicode
                :param keyring_data: The GPG keyring for this BootSource, base64-encoded data.
                :type keyring_data: unicode
                :param priority: The priority for this BootSource.
                :type priority: int
                :param skip_keyring_verification: If true, keyring signature verification will be skipped.
                :type skip_keyring_verification: boolean
                """)
            .Delete(DeleteAsync, "Delete a boot source.\n\nDelete a boot source with the given id."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        return ApiResult.Json(BootSourceJson.Render(await request.Service<BootSourceOperations>().GetAsync(request.Route("id"), ct)));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(BootSourceJson.Render(await request.Service<BootSourceOperations>().UpdateAsync(
            request.Caller, request.Route("id"), BootSourceJson.SourceFields(request.Parameters), ct)));

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<BootSourceOperations>().DeleteAsync(request.Caller, request.Route("id"), ct);
        return ApiResult.Deleted();
    }
}
