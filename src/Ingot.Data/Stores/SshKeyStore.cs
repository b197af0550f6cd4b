using System.Security.Cryptography;
using System.Text;
using Ingot.Core.Forms;
using Ingot.Core.Users;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="ISshKeyStore"/> on EF Core: duplicates are refused by a unique index on (user, key digest).</summary>
public sealed class SshKeyStore(IDbContextFactory<IngotDbContext> contexts) : ISshKeyStore
{
    public async Task<IReadOnlyList<SshKey>> ListAsync(long userId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.SshKeys.AsNoTracking().Where(k => k.UserId == userId).OrderBy(k => k.Id).ToListAsync(ct);
    }

    public async Task<SshKey?> FindAsync(long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.SshKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
    }

    public async Task AddAsync(SshKey key, CancellationToken ct)
    {
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Key)));
        await using IngotDbContext db = contexts.CreateDbContext();
        db.SshKeys.Add(key);
        db.Entry(key).Property<string>(ShadowColumns.KeyDigest).CurrentValue = digest;
        await UniqueNames.SaveAsync(
            contexts,
            db,
            d => d.SshKeys.AnyAsync(k => k.UserId == key.UserId && EF.Property<string>(k, ShadowColumns.KeyDigest) == digest, ct),
            () => FormErrors.OnField("key", SshKeyForm.Duplicate),
            ct);
    }

    public async Task<bool> DeleteAsync(long id, long userId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.SshKeys.Where(k => k.Id == id && k.UserId == userId).ExecuteDeleteAsync(ct) > 0;
    }
}
