using Ingot.Core.Forms;
using Ingot.Core.ResourcePools;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="IResourcePoolStore"/> on EF Core. A rename moves the pool's machines in the same
/// transaction; a delete is one statement that deletes only a pool no machine is in.
/// </summary>
public sealed class ResourcePoolStore(IDbContextFactory<IngotDbContext> contexts) : IResourcePoolStore
{
    public async Task<IReadOnlyList<ResourcePool>> ListAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.ResourcePools.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
    }

    public async Task<ResourcePool?> FindAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.ResourcePools.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name, ct);
    }

    public async Task<ResourcePool?> FindByIdAsync(long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.ResourcePools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.ResourcePools.AnyAsync(p => p.Name == name, ct);
    }

    public async Task AddAsync(ResourcePool pool, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.ResourcePools.Add(pool);
        await UniqueNames.SaveAsync(contexts, db, d => d.ResourcePools.AnyAsync(p => p.Name == pool.Name, ct), Taken, ct);
    }

    public async Task<bool> UpdateAsync(ResourcePool pool, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ResourcePool? row = await db.ResourcePools.FirstOrDefaultAsync(p => p.Id == pool.Id, ct);
        if (row is null)
        {
            return false;
        }

        string oldName = row.Name;
        row.Name = pool.Name;
        row.Description = pool.Description;
        row.Updated = pool.Updated;
        await UniqueNames.SaveAsync(contexts, db, d => d.ResourcePools.AnyAsync(p => p.Name == pool.Name && p.Id != pool.Id, ct), Taken, ct);
        if (oldName != pool.Name)
        {
            await db.Machines.Where(m => m.Pool == oldName)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Pool, pool.Name).SetProperty(m => m.Version, m => m.Version + 1), ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<PoolDeletion> DeleteAsync(long id, CancellationToken ct)
    {
        if (id == ResourcePool.DefaultId)
        {
            throw new InvalidOperationException(ResourcePoolForm.CannotDeleteDefault);
        }

        await using IngotDbContext db = contexts.CreateDbContext();
        int deleted = await db.ResourcePools
            .Where(p => p.Id == id && !db.Machines.Any(m => m.Pool == p.Name))
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            return PoolDeletion.Deleted;
        }

        return await db.ResourcePools.AnyAsync(p => p.Id == id, ct) ? PoolDeletion.HasMachines : PoolDeletion.NotFound;
    }

    private static Exception Taken() => FormErrors.OnField("name", ResourcePoolForm.NameTaken);
}
