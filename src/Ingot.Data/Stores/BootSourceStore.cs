using Ingot.Core.BootResources;
using Ingot.Core.Forms;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IBootSourceStore"/> on EF Core; selections go with their source when it is deleted.</summary>
public sealed class BootSourceStore(IDbContextFactory<IngotDbContext> contexts) : IBootSourceStore
{
    public async Task<IReadOnlyList<BootSource>> ListAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.BootSources.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
    }

    public async Task<BootSource?> FindAsync(long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.BootSources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    public async Task AddAsync(BootSource source, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.BootSources.Add(source);
        await UniqueNames.SaveAsync(contexts, db, d => d.BootSources.AnyAsync(s => s.Url == source.Url, ct), UrlTaken, ct);
    }

    public async Task<bool> UpdateAsync(BootSource source, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        if (!await db.BootSources.AnyAsync(s => s.Id == source.Id, ct))
        {
            return false;
        }

        db.BootSources.Update(source);
        await UniqueNames.SaveAsync(contexts, db, d => d.BootSources.AnyAsync(s => s.Url == source.Url && s.Id != source.Id, ct), UrlTaken, ct);
        return true;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.BootSourceSelections.Where(s => s.BootSourceId == id).ExecuteDeleteAsync(ct);
        bool deleted = await db.BootSources.Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0;
        await transaction.CommitAsync(ct);
        return deleted;
    }

    public async Task<IReadOnlyList<BootSourceSelection>> ListSelectionsAsync(long bootSourceId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.BootSourceSelections.AsNoTracking().Where(s => s.BootSourceId == bootSourceId).OrderBy(s => s.Id).ToListAsync(ct);
    }

    public async Task<BootSourceSelection?> FindSelectionAsync(long bootSourceId, long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.BootSourceSelections.AsNoTracking().FirstOrDefaultAsync(s => s.BootSourceId == bootSourceId && s.Id == id, ct);
    }

    public async Task AddSelectionAsync(BootSourceSelection selection, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.BootSourceSelections.Add(selection);
        await UniqueNames.SaveAsync(contexts, db, d => SelectionTaken(d, selection, ct), ReleaseTaken, ct);
    }

    public async Task<bool> UpdateSelectionAsync(BootSourceSelection selection, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        if (!await db.BootSourceSelections.AnyAsync(s => s.Id == selection.Id && s.BootSourceId == selection.BootSourceId, ct))
        {
            return false;
        }

        db.BootSourceSelections.Update(selection);
        await UniqueNames.SaveAsync(contexts, db, d => SelectionTaken(d, selection, ct), ReleaseTaken, ct);
        return true;
    }

    public async Task<bool> DeleteSelectionAsync(long bootSourceId, long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.BootSourceSelections.Where(s => s.BootSourceId == bootSourceId && s.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    private static Task<bool> SelectionTaken(IngotDbContext db, BootSourceSelection selection, CancellationToken ct) =>
        db.BootSourceSelections.AnyAsync(
            s => s.BootSourceId == selection.BootSourceId && s.Os == selection.Os && s.Release == selection.Release && s.Id != selection.Id, ct);

    private static Exception UrlTaken() => FormErrors.OnField("url", FormErrors.AlreadyExists("Boot source", "Url"));

    private static Exception ReleaseTaken() =>
        FormErrors.OnField("__all__", "Boot source selection with this Boot source, Os and Release already exists.");
}
