using Ingot.Core.Users;

namespace Ingot.Core.Changes;

/// <summary>An <see cref="IUserStore"/> that publishes <see cref="InventoryKind.Users"/> after every write of users or API keys.</summary>
public sealed class NotifyingUserStore(IUserStore inner, InventoryChangeFeed feed) : IUserStore
{
    public Task<User?> FindAsync(string username, CancellationToken ct) => inner.FindAsync(username, ct);

    public Task<IReadOnlyList<User>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task AddAsync(User user, CancellationToken ct) => feed.AfterAsync(InventoryKind.Users, inner.AddAsync(user, ct));

    public Task<bool> UpdateAsync(User user, CancellationToken ct) => feed.AfterAsync(InventoryKind.Users, inner.UpdateAsync(user, ct));

    public Task<bool> DeleteAsync(long userId, CancellationToken ct) => feed.AfterAsync(InventoryKind.Users, inner.DeleteAsync(userId, ct));

    public Task<IReadOnlyList<ApiToken>> TokensAsync(long userId, CancellationToken ct) => inner.TokensAsync(userId, ct);

    public Task AddTokenAsync(ApiToken token, CancellationToken ct) => feed.AfterAsync(InventoryKind.Users, inner.AddTokenAsync(token, ct));

    public Task<bool> DeleteTokenAsync(long userId, string tokenKey, CancellationToken ct) =>
        feed.AfterAsync(InventoryKind.Users, inner.DeleteTokenAsync(userId, tokenKey, ct));

    public Task<(ApiToken Token, User User)?> FindTokenAsync(string tokenKey, CancellationToken ct) => inner.FindTokenAsync(tokenKey, ct);
}
