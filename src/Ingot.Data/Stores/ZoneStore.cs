using Ingot.Core.Forms;
using Ingot.Core.Zones;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IZoneStore"/> on EF Core; renames and deletes move the zone's machines in the same transaction.</summary>
public sealed class ZoneStore(IDbContextFactory<IngotDbContext> contexts) : IZoneStore
{
    public async Task<IReadOnlyList<Zone>> ListAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Zones.AsNoTracking().OrderBy(z => z.Name).ToListAsync(ct);
    }

    public async Task<Zone?> FindAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Name == name, ct);
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Zones.AnyAsync(z => z.Name == name, ct);
    }

    public async Task AddAsync(Zone zone, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.Zones.Add(zone);
        await UniqueNames.SaveAsync(contexts, db, d => d.Zones.AnyAsync(z => z.Name == zone.Name, ct), Taken, ct);
    }

    public async Task<bool> UpdateAsync(string currentName, Zone zone, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Zone? row = await db.Zones.FirstOrDefaultAsync(z => z.Name == currentName, ct);
        if (row is null)
        {
            return false;
        }

        row.Name = zone.Name;
        row.Description = zone.Description;
        row.Updated = zone.Updated;
        await UniqueNames.SaveAsync(contexts, db, d => d.Zones.AnyAsync(z => z.Name == zone.Name && z.Id != row.Id, ct), Taken, ct);
        await MoveMachinesAsync(db, currentName, zone.Name, ct);
        await transaction.CommitAsync(ct);
        zone.Id = row.Id;
        return true;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        if (name == Zone.DefaultName)
        {
            throw new InvalidOperationException(ZoneForm.CannotDeleteDefault);
        }

        await using IngotDbContext db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Zones.Where(z => z.Name == name).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        await MoveMachinesAsync(db, name, Zone.DefaultName, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task MoveMachinesAsync(IngotDbContext db, string from, string to, CancellationToken ct)
    {
        if (from != to)
        {
            await db.Machines.Where(m => m.Zone == from)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Zone, to).SetProperty(m => m.Version, m => m.Version + 1), ct);
        }
    }

    private static Exception Taken() => FormErrors.OnField("name", ZoneForm.NameTaken);
}
