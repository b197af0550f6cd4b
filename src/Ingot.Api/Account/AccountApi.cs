using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.Users;

namespace Ingot.Api.Account;

/// <summary>
/// <c>/MAAS/api/2.0/account/</c> (MAAS's <c>AccountHandler</c>): the logged-in user's API tokens.
/// </summary>
public static class AccountApi
{
    public static ApiResource Resource { get; } = new(
        "account/",
        new ApiHandler("AccountHandler", "Manage the current logged-in user.")
            .Post("create_authorisation_token", CreateTokenAsync, """
                Create an authorisation token.

                Create an authorisation OAuth token and OAuth consumer.

                :param name: Optional name of the token that will be generated.
                :type name: unicode
                """)
            .Post("delete_authorisation_token", DeleteTokenAsync, """
                Delete an authorisation token.

                Delete an authorisation OAuth token and the related OAuth consumer.

                :param token_key: The key of the token to be deleted.
                :type token_key: unicode
                """)
            .Get("list_authorisation_tokens", ListTokensAsync, "List authorisation tokens.\n\nList authorisation tokens available to the currently logged-in user."));

    private static async Task<ApiResult> CreateTokenAsync(ApiRequest request, CancellationToken ct)
    {
        ApiToken token = await request.Service<UserAccounts>().CreateTokenAsync(request.User!, request.Parameters.Get("name"), ct);
        return ApiResult.Json(TokenJson.Credentials(token));
    }

    private static async Task<ApiResult> DeleteTokenAsync(ApiRequest request, CancellationToken ct)
    {
        string tokenKey = request.Parameters.Required("token_key");
        await request.Service<UserAccounts>().DeleteTokenAsync(request.User!, tokenKey, ct);
        return ApiResult.Deleted();
    }

    private static async Task<ApiResult> ListTokensAsync(ApiRequest request, CancellationToken ct)
    {
        IReadOnlyList<ApiToken> tokens = await request.Service<IUserStore>().TokensAsync(request.User!.Id, ct);
        return ApiResult.Json(new JsonArray([.. tokens.Select(t => (JsonNode)TokenJson.Listed(t))]));
    }
}
