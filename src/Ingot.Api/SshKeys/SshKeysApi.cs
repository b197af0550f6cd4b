using Ingot.Api.Wire;
using Ingot.Core.Users;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.SshKeys;

/// <summary>
/// <c>/MAAS/api/2.0/account/prefs/sshkeys/</c> (MAAS's <c>SSHKeysHandler</c>): the caller's keys;
/// adding one answers 201 with the key. MAAS's <c>import</c> op (Launchpad/GitHub) and the admin's
/// <c>user</c> parameter are not offered.
/// </summary>
public static class SshKeysApi
{
    public static ApiResource Resource { get; } = new(
        "account/prefs/sshkeys/",
        new ApiHandler("SSHKeysHandler", "Manage the collection of all the SSH keys in this MAAS.")
            .Read(ListAsync, "List SSH keys.\n\nList all keys belonging to the requesting user.")
            .Create(CreateAsync, """
                Add a new SSH key.

                Add a new SSH key to the requesting user's account.

                :param key: A public SSH key: key type, base64-encoded key data and an optional comment.
                :type key: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(SshKeyJson.RenderList(await request.Service<SshKeyOperations>().ListAsync(request.User!, ct)));

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        SshKey key = await request.Service<SshKeyOperations>().CreateAsync(request.User!, request.Parameters.Get("key"), ct);
        return ApiResult.Json(SshKeyJson.Render(key), StatusCodes.Status201Created);
    }
}
