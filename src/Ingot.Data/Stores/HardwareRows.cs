using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>A machine's block-device and interface rows, written inside the machine's save transaction.</summary>
internal static class HardwareRows
{
    /// <summary>
    /// Rewrites each machine's disk and interface rows when they differ from what is stored; kept rows keep their
    /// ids. Call it after the compare-and-set on the machines' <paramref name="expectedVersions"/> succeeded, inside
    /// the save's transaction. A machine whose rows stored at that version <paramref name="known"/> hashes as its
    /// hardware does now is neither read nor written; the stored rows of the others are read in one query for the
    /// disks and one for the interfaces, whatever their number (one query per machine and table made a save of 100
    /// accepted machines hold the write lock for 200 round trips). Returns, by machine, the hashes of the rows
    /// stored after this call when no row was rewritten (to remember for the next save), null when rows were.
    /// </summary>
    public static async Task<Dictionary<Machine, HardwareHashes?>> ReplaceIfChangedAsync(
        IngotDbContext db, IReadOnlyList<Machine> machines, StoredHardware known, IReadOnlyDictionary<string, long> expectedVersions, CancellationToken ct)
    {
        var result = new Dictionary<Machine, HardwareHashes?>();
        var unknown = new List<(Machine Machine, string Disks, string Interfaces, HardwareHashes Hashes)>();
        foreach (Machine machine in machines)
        {
            string disks = HardwareFingerprint.Of(machine.BlockDevices);
            string interfaces = HardwareFingerprint.Of(machine.Interfaces);
            var hashes = new HardwareHashes(HardwareHashes.Of(disks), HardwareHashes.Of(interfaces));
            if (known.IsStored(machine, expectedVersions[machine.SystemId], hashes))
            {
                result[machine] = hashes;
            }
            else
            {
                unknown.Add((machine, disks, interfaces, hashes));
            }
        }

        if (unknown.Count == 0)
        {
            return result;
        }

        long[] ids = [.. unknown.Select(u => u.Machine.Id)];
        ILookup<long, BlockDevice> storedDisks = await StoredAsync(db.BlockDevices, ids, ct);
        ILookup<long, NetworkInterface> storedInterfaces = await StoredAsync(db.Interfaces, ids, ct);
        foreach (var (machine, disks, interfaces, hashes) in unknown)
        {
            bool disksKept = await ReplaceIfChangedAsync(db, db.BlockDevices, machine.Id, storedDisks[machine.Id], machine.BlockDevices, disks, d => d.Id, (d, id) => d.Id = id, HardwareFingerprint.Of, ct);
            bool interfacesKept = await ReplaceIfChangedAsync(db, db.Interfaces, machine.Id, storedInterfaces[machine.Id], machine.Interfaces, interfaces, i => i.Id, (i, id) => i.Id = id, HardwareFingerprint.Of, ct);
            result[machine] = disksKept && interfacesKept ? hashes : null;
        }

        return result;
    }

    /// <summary>The stored rows of these machines, by machine id, each machine's in id order.</summary>
    private static async Task<ILookup<long, TRow>> StoredAsync<TRow>(DbSet<TRow> rows, long[] machineIds, CancellationToken ct)
        where TRow : class
    {
        var stored = await rows.AsNoTracking()
            .Where(r => machineIds.Contains(EF.Property<long>(r, ShadowColumns.MachineId)))
            .OrderBy(r => EF.Property<long>(r, "Id"))
            .Select(r => new { MachineId = EF.Property<long>(r, ShadowColumns.MachineId), Row = r })
            .ToListAsync(ct);
        return stored.ToLookup(s => s.MachineId, s => s.Row);
    }

    /// <summary>Returns whether the stored rows were kept (they had <paramref name="currentFingerprint"/>).</summary>
    private static async Task<bool> ReplaceIfChangedAsync<TRow>(
        IngotDbContext db,
        DbSet<TRow> rows,
        long machineId,
        IEnumerable<TRow> stored,
        IReadOnlyList<TRow> current,
        string currentFingerprint,
        Func<TRow, long> idOf,
        Action<TRow, long> setId,
        Func<IEnumerable<TRow>, string> fingerprint,
        CancellationToken ct)
        where TRow : class
    {
        if (fingerprint(stored) == currentFingerprint)
        {
            return true;
        }

        await rows.Where(r => EF.Property<long>(r, ShadowColumns.MachineId) == machineId).ExecuteDeleteAsync(ct);
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
