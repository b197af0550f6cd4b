using Ingot.Core.Machines;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>A machine's block-device and interface rows, written inside the machine's save transaction.</summary>
internal static class HardwareRows
{
    /// <summary>Rewrites the machine's disk and interface rows when they differ from what is stored; kept rows keep their ids.</summary>
    public static async Task ReplaceIfChangedAsync(IngotDbContext db, Machine machine, CancellationToken ct)
    {
        await ReplaceIfChangedAsync(db, db.BlockDevices, machine.Id, machine.BlockDevices, d => d.Id, (d, id) => d.Id = id, HardwareFingerprint.Of, ct);
        await ReplaceIfChangedAsync(db, db.Interfaces, machine.Id, machine.Interfaces, i => i.Id, (i, id) => i.Id = id, HardwareFingerprint.Of, ct);
    }

    private static async Task ReplaceIfChangedAsync<TRow>(
        IngotDbContext db,
        DbSet<TRow> rows,
        long machineId,
        IReadOnlyList<TRow> current,
        Func<TRow, long> idOf,
        Action<TRow, long> setId,
        Func<IEnumerable<TRow>, string> fingerprint,
        CancellationToken ct)
        where TRow : class
    {
        IQueryable<TRow> owned = rows.Where(r => EF.Property<long>(r, ShadowColumns.MachineId) == machineId);
        List<TRow> stored = await owned.AsNoTracking().OrderBy(r => EF.Property<long>(r, "Id")).ToListAsync(ct);
        if (fingerprint(stored) == fingerprint(current))
        {
            return;
        }

        await owned.ExecuteDeleteAsync(ct);
        HashSet<long> reusable = [.. stored.Select(idOf)];
        foreach (TRow row in current)
        {
            setId(row, reusable.Remove(idOf(row)) ? idOf(row) : 0);
            db.Add(row);
            db.Entry(row).Property<long>(ShadowColumns.MachineId).CurrentValue = machineId;
        }
    }
}
