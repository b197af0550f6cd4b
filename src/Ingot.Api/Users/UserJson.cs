using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.Users;

namespace Ingot.Api.Users;

/// <summary>A user as MAAS's <c>UserHandler</c> renders it: username, email, is_local, is_superuser, resource_uri.</summary>
public static class UserJson
{
    public static JsonObject Render(User user) => new()
    {
        ["username"] = user.Username,
        ["email"] = user.Email,
        ["is_local"] = true,
        ["is_superuser"] = user.IsAdmin,
        ["resource_uri"] = ApiPaths.ResourceUri("users", user.Username),
    };
}
