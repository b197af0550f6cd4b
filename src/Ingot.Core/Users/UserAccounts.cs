using Ingot.Core.Enlistment;
using Ingot.Core.Machines;

namespace Ingot.Core.Users;

/// <summary>
/// MAAS's user and API-key rules (<c>UsersHandler</c>, <c>UserHandler</c>, <c>AccountHandler</c> and
/// the <c>accounts/authenticate/</c> view): only an administrator creates and deletes users, nobody
/// deletes themselves, a user who still owns machines stays, and each user manages their own tokens.
/// </summary>
public sealed partial class UserAccounts(IUserStore users, IMachineStore machines, TimeProvider time)
{
    /// <summary>MAAS's <c>GENERIC_CONSUMER</c>: the consumer name of a token created without one.</summary>
    public const string DefaultConsumerName = "MAAS consumer";

    public const int MaxUsernameLength = 150;

    public async Task<User> CreateAsync(Actor actor, string username, string email, string password, bool isAdmin, CancellationToken ct)
    {
        RequireAdmin(actor);
        if (username.Length > MaxUsernameLength || username.Any(c => !(char.IsLetterOrDigit(c) || c is '@' or '.' or '+' or '-' or '_')))
        {
            throw new MachineFormException(new Dictionary<string, IReadOnlyList<string>>
            {
                ["username"] = ["Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."],
            });
        }

        var user = new User
        {
            Username = username,
            Email = email,
            IsAdmin = isAdmin,
            PasswordHash = password.Length == 0 ? "" : PasswordHasher.Hash(password),
            Created = time.GetUtcNow().UtcDateTime,
        };
        await users.AddAsync(user, ct);
        return user;
    }

    /// <summary>Deletes <paramref name="username"/>; a user that does not exist is already deleted.</summary>
    public async Task DeleteAsync(Actor actor, string username, CancellationToken ct)
    {
        RequireAdmin(actor);
        if (actor.Username == username)
        {
            throw MachineOperationException.Validation("An administrator cannot self-delete.");
        }

        if (await users.FindAsync(username, ct) is not { } user)
        {
            return;
        }

        int owned = (await machines.ListAsync(ct)).Count(m => m.Owner == username);
        if (owned > 0)
        {
            throw MachineOperationException.Validation($"User {username} cannot be deleted: {owned} node(s) are still allocated.");
        }

        await users.DeleteAsync(user.Id, ct);
    }

    /// <summary>A new API token for <paramref name="user"/>, named <paramref name="name"/> or <see cref="DefaultConsumerName"/>.</summary>
    public async Task<ApiToken> CreateTokenAsync(User user, string? name, CancellationToken ct)
    {
        ApiToken token = ApiTokenGenerator.Create(user.Id, string.IsNullOrEmpty(name) ? DefaultConsumerName : name, time.GetUtcNow().UtcDateTime);
        await users.AddTokenAsync(token, ct);
        return token;
    }

    public async Task DeleteTokenAsync(User user, string tokenKey, CancellationToken ct)
    {
        if (!await users.DeleteTokenAsync(user.Id, tokenKey, ct))
        {
            throw new MachineOperationException(ErrorCategory.NotFound, "NotFound", "No Token matches the given query.");
        }
    }

    /// <summary>
    /// <c>POST /MAAS/accounts/authenticate/</c>: the user's first token (with that consumer name when
    /// <paramref name="consumer"/> is given), created when there is none; null when the username and
    /// password do not match an active user.
    /// </summary>
    public async Task<ApiToken?> AuthenticateAsync(string username, string password, string? consumer, CancellationToken ct)
    {
        if (await VerifyPasswordAsync(username, password, ct) is not { } user)
        {
            return null;
        }

        IReadOnlyList<ApiToken> tokens = await users.TokensAsync(user.Id, ct);
        ApiToken? existing = string.IsNullOrEmpty(consumer) ? (tokens.Count > 0 ? tokens[0] : null) : tokens.FirstOrDefault(t => t.Name == consumer);
        return existing ?? await CreateTokenAsync(user, consumer, ct);
    }

    /// <summary>
    /// The active user whose password is <paramref name="password"/>, else null (unknown user,
    /// inactive user, no password set, wrong password): the check behind <c>accounts/authenticate/</c>
    /// and the web UI's login.
    /// </summary>
    public async Task<User?> VerifyPasswordAsync(string username, string password, CancellationToken ct) =>
        await users.FindAsync(username, ct) is { IsActive: true } user
            && user.PasswordHash.Length > 0
            && PasswordHasher.Verify(password, user.PasswordHash)
            ? user
            : null;

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw MachineOperationException.PermissionDenied();
        }
    }
}
