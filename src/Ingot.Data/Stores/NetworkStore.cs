using Ingot.Core.Networks;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="INetworkStore"/> on EF Core: a load reads every network table in one transaction; a save
/// bumps the version row only if it still holds the expected version, then writes the change, all in
/// one transaction (the version row's update is the lock that orders concurrent writers).
/// </summary>
public sealed class NetworkStore(IDbContextFactory<IngotDbContext> contexts) : INetworkStore
{
    public async Task<NetworkModel> LoadAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await using ReadTransaction transaction = await ReadTransaction.BeginAsync(db, ct);
        long version = await db.Set<NetworkState>().Where(s => s.Id == NetworkState.RowId).Select(s => s.Version).FirstOrDefaultAsync(ct);
        var model = new NetworkModel(
            version,
            await db.Set<Fabric>().AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct),
            await db.Set<Vlan>().AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct),
            await db.Set<Space>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct),
            await db.Set<Subnet>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct),
            await db.Set<IpRange>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct),
            await db.Set<StaticIpAddress>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct));
        await transaction.CommitAsync(ct);
        return model;
    }

    public async Task<bool> SaveAsync(NetworkChange change, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        int claimed = await db.Set<NetworkState>()
            .Where(s => s.Id == NetworkState.RowId && s.Version == change.ExpectedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (claimed == 0)
        {
            return false;
        }

        foreach (object removed in change.Removed)
        {
            db.Remove(removed);
        }

        foreach (object updated in change.Updated)
        {
            db.Update(updated);
        }

        await db.SaveChangesAsync(ct);
        foreach ((object entity, Action? before) in change.Added)
        {
            before?.Invoke();
            db.Add(entity);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }
}
