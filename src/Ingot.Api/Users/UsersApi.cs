using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.Users;

namespace Ingot.Api.Users;

/// <summary><c>/MAAS/api/2.0/users/</c> (MAAS's <c>UsersHandler</c>): list, create (admin only), <c>whoami</c>.</summary>
public static class UsersApi
{
    public static ApiResource Resource { get; } = new(
        "users/",
        new ApiHandler("UsersHandler", "Manage the user accounts of this MAAS.")
            .Read(ListAsync, "List users.")
            .Get("whoami", WhoAmIAsync, "Retrieve logged-in user.\n\nReturns the currently logged-in user.")
            .Create(CreateAsync, """
                Create a MAAS user account.

                This is not safe: the password is sent in plaintext. Only administrators may create users.

                :param username: Identifier-style username for the new user.
                :type username: unicode
                :param email: Email address for the new user.
                :type email: unicode
                :param password: Password for the new user.
                :type password: unicode
                :param is_superuser: Whether the new user is to be an administrator.
                :type is_superuser: bool ('0' for False, '1' for True)

                Returns 400 if any mandatory parameters are missing.
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        IReadOnlyList<User> users = await request.Service<IUserStore>().ListAsync(ct);
        return ApiResult.Json(new JsonArray([.. users.Select(u => (JsonNode)UserJson.Render(u))]));
    }

    private static Task<ApiResult> WhoAmIAsync(ApiRequest request, CancellationToken ct) =>
        Task.FromResult(ApiResult.Json(UserJson.Render(request.User!)));

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        string username = form.Required("username");
        string email = form.Required("email");
        string password = form.Required("password");
        _ = form.Required("is_superuser");
        bool isAdmin = form.GetBool("is_superuser", fallback: false);
        User user = await request.Service<UserAccounts>().CreateAsync(request.Caller, username, email, password, isAdmin, ct);
        return ApiResult.Json(UserJson.Render(user));
    }
}
