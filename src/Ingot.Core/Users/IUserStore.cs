namespace Ingot.Core.Users;

/// <summary>Users and their API tokens.</summary>
public interface IUserStore
{
    Task<User?> FindAsync(string username, CancellationToken ct);

    Task<IReadOnlyList<User>> ListAsync(CancellationToken ct);

    /// <summary>Adds a user; throws <see cref="Machines.MachineOperationException"/> (400) when the username is taken.</summary>
    Task AddAsync(User user, CancellationToken ct);

    /// <summary>Saves the user's email, admin flag, active flag and password hash; false when there is no such user.</summary>
    Task<bool> UpdateAsync(User user, CancellationToken ct);

    /// <summary>Deletes the user and its API tokens; false when there was no such user.</summary>
    Task<bool> DeleteAsync(long userId, CancellationToken ct);

    Task<IReadOnlyList<ApiToken>> TokensAsync(long userId, CancellationToken ct);

    Task AddTokenAsync(ApiToken token, CancellationToken ct);

    /// <summary>Deletes the user's token with this token key; false when the user has no such token.</summary>
    Task<bool> DeleteTokenAsync(long userId, string tokenKey, CancellationToken ct);

    /// <summary>The token with this token key, with its secret decrypted, and its user.</summary>
    Task<(ApiToken Token, User User)?> FindTokenAsync(string tokenKey, CancellationToken ct);
}
