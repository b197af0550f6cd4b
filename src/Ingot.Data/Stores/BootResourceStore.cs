using Ingot.Core.BootResources;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IBootResourceStore"/> on EF Core: a resource is always read with its sets and files.</summary>
public sealed class BootResourceStore(IDbContextFactory<IngotDbContext> contexts) : IBootResourceStore
{
    public async Task<IReadOnlyList<BootResource>> ListAsync(BootResourceType? type, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        IQueryable<BootResource> query = Resources(db);
        if (type is { } only)
        {
            query = query.Where(r => r.Type == only);
        }

        List<BootResource> resources = await query.ToListAsync(ct);
        return [.. resources.OrderBy(r => r.Type).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Architecture, StringComparer.Ordinal)];
    }

    public async Task<BootResource?> FindAsync(long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await Resources(db).FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    public async Task<BootResource?> FindAsync(BootResourceType type, string name, string architecture, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await Resources(db).FirstOrDefaultAsync(r => r.Type == type && r.Name == name && r.Architecture == architecture, ct);
    }

    public async Task AddAsync(BootResource resource, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.BootResources.Add(resource);
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> AddSetAsync(long resourceId, BootResourceSet set, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.BootResources.AnyAsync(r => r.Id == resourceId, ct))
        {
            return false;
        }

        set.ResourceId = resourceId;
        db.BootResourceSets.Add(set);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task UpdateFileAsync(BootResourceFile file, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await db.BootResourceFiles.Where(f => f.Id == file.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Complete, file.Complete).SetProperty(f => f.Received, file.Received), ct);
    }

    public async Task<BootResource?> DeleteAsync(long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        BootResource? resource = await Resources(db).AsTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null)
        {
            return null;
        }

        db.BootResources.Remove(resource);
        await db.SaveChangesAsync(ct);
        return resource;
    }

    public async Task<bool> IsContentUsedAsync(string sha256, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.BootResourceFiles.AnyAsync(f => f.Sha256 == sha256, ct);
    }

    private static IQueryable<BootResource> Resources(IngotDbContext db) =>
        db.BootResources.AsNoTracking().Include(r => r.Sets).ThenInclude(s => s.Files).AsSplitQuery();
}
