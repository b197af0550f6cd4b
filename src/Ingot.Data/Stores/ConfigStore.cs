using Ingot.Core.Config;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IConfigStore"/> on EF Core: one row per setting.</summary>
public sealed class ConfigStore(IDbContextFactory<IngotDbContext> contexts) : IConfigStore
{
    public async Task<string?> GetAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Config.AsNoTracking().Where(c => c.Name == name).Select(c => c.Value).FirstOrDefaultAsync(ct);
    }

    public async Task SetAsync(string name, string value, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        if (await db.Config.Where(c => c.Name == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, value), ct) > 0)
        {
            return;
        }

        db.Config.Add(new ConfigEntry { Name = name, Value = value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another writer inserted the same name first: last write wins, as for an update.
            await using IngotDbContext retry = contexts.CreateDbContext();
            if (await retry.Config.Where(c => c.Name == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, value), ct) == 0)
            {
                throw;
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Config.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Value, ct);
    }
}
