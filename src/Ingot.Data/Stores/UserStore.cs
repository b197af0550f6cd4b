using Ingot.Core.Machines;
using Ingot.Core.Users;
using Ingot.Data.Model;
using Ingot.Data.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IUserStore"/> on EF Core; token secrets are encrypted at rest.</summary>
public sealed class UserStore(IDbContextFactory<IngotDbContext> contexts, SecretsAtRest secrets) : IUserStore
{
    public async Task<User?> FindAsync(string username, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username, ct);
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Users.AsNoTracking().OrderBy(u => u.Username).ToListAsync(ct);
    }

    public async Task AddAsync(User user, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        if (await db.Users.AnyAsync(u => u.Username == user.Username, ct))
        {
            throw UsernameTaken();
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await using IngotDbContext check = contexts.CreateDbContext();
            if (await check.Users.AnyAsync(u => u.Username == user.Username, ct))
            {
                throw UsernameTaken();
            }

            throw;
        }
    }

    public async Task<bool> UpdateAsync(User user, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(
            set => set
                .SetProperty(u => u.Email, user.Email)
                .SetProperty(u => u.IsAdmin, user.IsAdmin)
                .SetProperty(u => u.IsActive, user.IsActive)
                .SetProperty(u => u.PasswordHash, user.PasswordHash),
            ct) > 0;
    }

    public async Task<bool> DeleteAsync(long userId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ApiTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        int deleted = await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted > 0;
    }

    public async Task<IReadOnlyList<ApiToken>> TokensAsync(long userId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        var rows = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderBy(t => t.Id)
            .Select(t => new { Token = t, Secret = EF.Property<string>(t, ShadowColumns.TokenSecret) })
            .ToListAsync(ct);
        return [.. rows.Select(r => WithSecret(r.Token, r.Secret))];
    }

    public async Task AddTokenAsync(ApiToken token, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.ApiTokens.Add(token);
        db.Entry(token).Property<string>(ShadowColumns.TokenSecret).CurrentValue = secrets.ProtectTokenSecret(token.TokenSecret);
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> DeleteTokenAsync(long userId, string tokenKey, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.ApiTokens.Where(t => t.UserId == userId && t.TokenKey == tokenKey).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<(ApiToken Token, User User)?> FindTokenAsync(string tokenKey, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        var row = await (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users.AsNoTracking() on t.UserId equals u.Id
            where t.TokenKey == tokenKey
            select new { Token = t, User = u, Secret = EF.Property<string>(t, ShadowColumns.TokenSecret) })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (WithSecret(row.Token, row.Secret), row.User);
    }

    private ApiToken WithSecret(ApiToken token, string protectedSecret)
    {
        token.TokenSecret = secrets.UnprotectTokenSecret(protectedSecret);
        return token;
    }

    private static MachineOperationException UsernameTaken() =>
        MachineOperationException.Validation("User with this Username already exists.");
}
