using Ingot.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="INonceLedger"/> on the database: one insert that does nothing when the unique index
/// on (consumer key, token key, nonce) already holds the nonce, so of two regions recording the
/// same nonce at once exactly one sees true.
/// </summary>
public sealed class NonceLedger(IDbContextFactory<IngotDbContext> contexts) : INonceLedger
{
    public async Task<bool> TryRecordAsync(string consumerKey, string tokenKey, string nonce, DateTime timestamp, CancellationToken ct)
    {
        DateTime utc = timestamp.Kind == DateTimeKind.Utc ? timestamp : DateTime.SpecifyKind(timestamp.ToUniversalTime(), DateTimeKind.Utc);
        await using IngotDbContext db = contexts.CreateDbContext();
        int inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "oauth_nonces" ("consumer_key", "token_key", "nonce", "timestamp")
            VALUES ({consumerKey}, {tokenKey}, {nonce}, {utc})
            ON CONFLICT ("consumer_key", "token_key", "nonce") DO NOTHING
            """,
            ct);
        return inserted == 1;
    }

    public async Task<int> PruneAsync(DateTime olderThan, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.OAuthNonces.Where(n => n.Timestamp < olderThan).ExecuteDeleteAsync(ct);
    }
}
