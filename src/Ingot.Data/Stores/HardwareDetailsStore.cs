using Ingot.Core.Inventory;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="IHardwareDetailsStore"/> on EF Core: one row per machine and detail name, deleted with
/// the machine. A save replaces the row in one statement pair inside a transaction.
/// </summary>
public sealed class HardwareDetailsStore(IDbContextFactory<IngotDbContext> contexts) : IHardwareDetailsStore
{
    public async Task<bool> SaveAsync(string systemId, string name, byte[] xml, CancellationToken ct)
    {
        if (name is not (HardwareDetails.LshwName or HardwareDetails.LldpName))
        {
            throw new ArgumentException($"Unknown hardware detail '{name}'.", nameof(name));
        }

        await using IngotDbContext db = contexts.CreateDbContext();
        long? machineId = await db.Machines.Where(m => m.SystemId == systemId).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (machineId is not { } id)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.HardwareDetails.Where(d => d.MachineId == id && d.Name == name).ExecuteDeleteAsync(ct);
        db.HardwareDetails.Add(new HardwareDetailRow { MachineId = id, Name = name, Data = xml });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<HardwareDetails> GetAsync(string systemId, CancellationToken ct) =>
        (await GetManyAsync([systemId], ct)).GetValueOrDefault(systemId) ?? HardwareDetails.None;

    public async Task<IReadOnlyDictionary<string, HardwareDetails>> GetManyAsync(IReadOnlyCollection<string> systemIds, CancellationToken ct)
    {
        string[] wanted = [.. systemIds.Distinct(StringComparer.Ordinal)];
        await using IngotDbContext db = contexts.CreateDbContext();
        var rows = await db.HardwareDetails.AsNoTracking()
            .Join(db.Machines.Where(m => wanted.Contains(m.SystemId)), d => d.MachineId, m => m.Id, (d, m) => new { m.SystemId, d.Name, d.Data })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.SystemId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new HardwareDetails(
                g.FirstOrDefault(r => r.Name == HardwareDetails.LshwName)?.Data,
                g.FirstOrDefault(r => r.Name == HardwareDetails.LldpName)?.Data),
            StringComparer.Ordinal);
    }
}
