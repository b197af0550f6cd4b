using Ingot.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace Ingot.Web.Session;

/// <summary>
/// Who is using the UI, as an <see cref="Actor"/>: the cookie names the user, and the user store
/// says, at each call, whether that user is still active and an administrator (so a demoted or
/// deactivated user loses rights without logging out).
/// </summary>
public sealed class UiSession(AuthenticationStateProvider authentication, IUserStore users)
{
    /// <summary>The actor, or null when nobody (or a user who no longer exists or is inactive) is logged in.</summary>
    public async Task<Actor?> ActorAsync(CancellationToken ct)
    {
        AuthenticationState state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } username })
        {
            return null;
        }

        return await users.FindAsync(username, ct) is { IsActive: true } user ? user.ToActor() : null;
    }
}
