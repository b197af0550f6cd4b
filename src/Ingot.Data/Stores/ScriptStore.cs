using Ingot.Core.Scripts.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IScriptStore"/> on EF Core; a script is always read with its versions, oldest first.</summary>
public sealed class ScriptStore(IDbContextFactory<IngotDbContext> contexts) : IScriptStore
{
    public async Task<IReadOnlyList<Script>> ListAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await WithVersions(db).OrderBy(s => s.Name).ToListAsync(ct);
    }

    public async Task<Script?> FindAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await WithVersions(db).FirstOrDefaultAsync(s => s.Name == name, ct);
    }

    public async Task<Script?> FindByRowIdAsync(long rowId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await WithVersions(db).FirstOrDefaultAsync(s => s.RowId == rowId, ct);
    }

    public async Task<bool> AddAsync(Script script, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        if (await db.Scripts.AnyAsync(s => s.Name == script.Name, ct))
        {
            return false;
        }

        db.Scripts.Add(script);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request took the name meanwhile; the unique index refused this one.
            return false;
        }
    }

    public async Task<bool> UpdateAsync(Script script, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        if (await db.Scripts.AnyAsync(s => s.Name == script.Name && s.RowId != script.RowId, ct))
        {
            return false;
        }

        List<long> kept = [.. script.Versions.Where(v => v.RowId != 0).Select(v => v.RowId)];
        await db.Set<ScriptVersion>().Where(v => v.ScriptRowId == script.RowId && !kept.Contains(v.RowId)).ExecuteDeleteAsync(ct);
        db.Scripts.Attach(script);
        db.Entry(script).State = EntityState.Modified;
        foreach (ScriptVersion version in script.Versions)
        {
            version.ScriptRowId = script.RowId;
            db.Entry(version).State = version.RowId == 0 ? EntityState.Added : EntityState.Unchanged;
        }

        try
        {
            return await db.SaveChangesAsync(ct) > 0;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(long rowId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Scripts.Where(s => s.RowId == rowId).ExecuteDeleteAsync(ct) > 0;
    }

    private static IQueryable<Script> WithVersions(IngotDbContext db) =>
        db.Scripts.AsNoTracking().Include(s => s.Versions.OrderBy(v => v.RowId));
}
