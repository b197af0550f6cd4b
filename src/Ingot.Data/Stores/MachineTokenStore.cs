using Ingot.Core.Metadata;
using Ingot.Data.Model;
using Ingot.Data.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IMachineTokenStore"/> on EF Core; secrets encrypted at rest like API token secrets.</summary>
public sealed class MachineTokenStore(IDbContextFactory<IngotDbContext> contexts, SecretsAtRest secrets) : IMachineTokenStore
{
    public Task<MachineToken?> FindForMachineAsync(string systemId, CancellationToken ct) =>
        FindAsync(t => t.SystemId == systemId, ct);

    public Task<MachineToken?> FindByTokenKeyAsync(string tokenKey, CancellationToken ct) =>
        FindAsync(t => t.TokenKey == tokenKey, ct);

    public async Task<MachineToken> AddIfAbsentAsync(MachineToken token, CancellationToken ct)
    {
        await using (IngotDbContext db = contexts.CreateDbContext())
        {
            db.MachineTokens.Add(token);
            db.Entry(token).Property<string>(ShadowColumns.TokenSecret).CurrentValue = secrets.ProtectTokenSecret(token.TokenSecret);
            try
            {
                await db.SaveChangesAsync(ct);
                return token;
            }
            catch (DbUpdateException)
            {
                // Another request made the machine's token first: the unique index kept one.
            }
        }

        return await FindForMachineAsync(token.SystemId, ct)
            ?? throw new InvalidOperationException($"The token of machine {token.SystemId} could not be stored.");
    }

    public async Task<bool> DeleteAsync(string systemId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.MachineTokens.Where(t => t.SystemId == systemId).ExecuteDeleteAsync(ct) > 0;
    }

    private async Task<MachineToken?> FindAsync(System.Linq.Expressions.Expression<Func<MachineToken, bool>> predicate, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        var row = await db.MachineTokens.AsNoTracking()
            .Where(predicate)
            .Select(t => new { Token = t, Secret = EF.Property<string>(t, ShadowColumns.TokenSecret) })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        row.Token.TokenSecret = secrets.UnprotectTokenSecret(row.Secret);
        return row.Token;
    }
}
