using Ingot.Api.Wire;
using Ingot.Core.Users;

namespace Ingot.Api.Users;

/// <summary><c>/MAAS/api/2.0/users/{username}/</c> (MAAS's <c>UserHandler</c>): read, delete (admin only).</summary>
public static class UserApi
{
    public static ApiResource Resource { get; } = new(
        "users/{username}/",
        new ApiHandler("UserHandler", "Manage a user account.")
            .Read(ReadAsync, "Retrieve user details.\n\nRetrieve a user's details.")
            .Delete(DeleteAsync, "Delete a user.\n\nDeletes a given username. A user who still owns machines cannot be deleted, nor can an administrator delete themselves."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct) =>
        await request.Service<IUserStore>().FindAsync(request.Route("username"), ct) is { } user
            ? ApiResult.Json(UserJson.Render(user))
            : throw ApiException.NotFound("User");

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<UserAccounts>().DeleteAsync(request.Caller, request.Route("username"), ct);
        return ApiResult.Deleted();
    }
}
