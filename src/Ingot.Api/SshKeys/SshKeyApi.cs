using System.Globalization;
using Ingot.Api.Wire;
using Ingot.Core.Users;

namespace Ingot.Api.SshKeys;

/// <summary>
/// <c>/MAAS/api/2.0/account/prefs/sshkeys/{id}/</c> (MAAS's <c>SSHKeyHandler</c>): read and delete
/// one of the caller's keys; another user's key is 403, an unknown id 404.
/// </summary>
public static class SshKeyApi
{
    public static ApiResource Resource { get; } = new(
        "account/prefs/sshkeys/{id}/",
        new ApiHandler("SSHKeyHandler", "Manage an SSH key.\n\nSSH keys can be retrieved or deleted.")
            .Read(ReadAsync, "Retrieve an SSH key.\n\nRetrieves an SSH key with the given ID.")
            .Delete(DeleteAsync, "Delete an SSH key.\n\nDeletes the SSH key with the given ID."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(SshKeyJson.Render(await request.Service<SshKeyOperations>().GetAsync(request.User!, Id(request), ct)));

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<SshKeyOperations>().DeleteAsync(request.User!, Id(request), ct);
        return ApiResult.Deleted();
    }

    /// <summary>The key's id; anything but a number names no key (404).</summary>
    private static long Id(ApiRequest request) =>
        long.TryParse(request.Route("id"), NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? id
            : throw ApiException.NotFound("SSHKey");
}
