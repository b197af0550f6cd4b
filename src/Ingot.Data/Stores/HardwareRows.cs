using Ingot.Core.Machines;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>A machine's block-device and interface rows, written inside the machine's save transaction.</summary>
internal static class HardwareRows
{
    /// <summary>
    /// Rewrites the machine's disk and interface rows when they differ from what is stored; kept rows keep their ids.
    /// Call it after the compare-and-set on <paramref name="expectedVersion"/> succeeded. When
    /// <paramref name="known"/> says the rows stored at that version hash as the machine's hardware does
    /// now, nothing is read or written. Returns the hashes of the rows stored after this call when no row
    /// was rewritten (to remember for the next save), null when rows were rewritten.
    /// </summary>
    public static async Task<HardwareHashes?> ReplaceIfChangedAsync(IngotDbContext db, Machine machine, StoredHardware known, long expectedVersion, CancellationToken ct)
    {
        string disks = HardwareFingerprint.Of(machine.BlockDevices);
        string interfaces = HardwareFingerprint.Of(machine.Interfaces);
        var hashes = new HardwareHashes(HardwareHashes.Of(disks), HardwareHashes.Of(interfaces));
        if (known.IsStored(machine, expectedVersion, hashes))
        {
            return hashes;
        }

        bool disksKept = await ReplaceIfChangedAsync(db, db.BlockDevices, machine.Id, machine.BlockDevices, disks, d => d.Id, (d, id) => d.Id = id, HardwareFingerprint.Of, ct);
        bool interfacesKept = await ReplaceIfChangedAsync(db, db.Interfaces, machine.Id, machine.Interfaces, interfaces, i => i.Id, (i, id) => i.Id = id, HardwareFingerprint.Of, ct);
        return disksKept && interfacesKept ? hashes : null;
    }

    /// <summary>Returns whether the stored rows were kept (they had <paramref name="currentFingerprint"/>).</summary>
    private static async Task<bool> ReplaceIfChangedAsync<TRow>(
        IngotDbContext db,
        DbSet<TRow> rows,
        long machineId,
        IReadOnlyList<TRow> current,
        string currentFingerprint,
        Func<TRow, long> idOf,
        Action<TRow, long> setId,
        Func<IEnumerable<TRow>, string> fingerprint,
        CancellationToken ct)
        where TRow : class
    {
        IQueryable<TRow> owned = rows.Where(r => EF.Property<long>(r, ShadowColumns.MachineId) == machineId);
        List<TRow> stored = await owned.AsNoTracking().OrderBy(r => EF.Property<long>(r, "Id")).ToListAsync(ct);
        if (fingerprint(stored) == currentFingerprint)
        {
            return true;
        }

        await owned.ExecuteDeleteAsync(ct);
        HashSet<long> reusable = [.. stored.Select(idOf)];
        foreach (TRow row in current)
        {
            setId(row, reusable.Remove(idOf(row)) ? idOf(row) : 0);
            db.Add(row);
            db.Entry(row).Property<long>(ShadowColumns.MachineId).CurrentValue = machineId;
        }

        return false;
    }
}
