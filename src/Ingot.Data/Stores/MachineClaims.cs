using Ingot.Core.Machines;
using Ingot.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="IMachineStore.ClaimAsync"/>: allocation takes one of its candidates in the store.
/// PostgreSQL: one transaction picks the first candidate still READY at the version read whose row no
/// other transaction holds (<c>SELECT ... FOR UPDATE SKIP LOCKED</c>), so concurrent claims, in one
/// region or several, each take a different machine without waiting on or failing against each other.
/// SQLite has one writer at a time: the candidates are tried in order, each with a conditional
/// <c>UPDATE</c>, skipping those another request of this process is saving (<see cref="SaveClaims"/>).
/// Either way the write is narrow (<see cref="WriteAsync"/>): only the columns an acquire changes, so a
/// machine read without its disks, interfaces or power parameters (the shortlist) cannot lose them.
/// </summary>
internal sealed class MachineClaims(IDbContextFactory<IngotDbContext> contexts, SaveClaims claims)
{
    public async Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        await using IngotDbContext db = contexts.CreateDbContext();
        if (db is PostgresIngotDbContext)
        {
            return await ClaimLockedAsync(db, candidates, acquire, ct);
        }

        foreach (Machine candidate in candidates)
        {
            if (claims.TryClaim([candidate]) is not null)
            {
                continue;
            }

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await WriteAsync(db, candidate, acquire, ct))
                {
                    await transaction.CommitAsync(ct);
                    return Claimed(candidate);
                }
            }
            finally
            {
                claims.Release([candidate]);
                db.ChangeTracker.Clear();
            }
        }

        return null;
    }

    private async Task<Machine?> ClaimLockedAsync(IngotDbContext db, IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct)
    {
        long[] ids = [.. candidates.Select(m => m.Id)];
        long[] versions = [.. candidates.Select(m => m.Version)];
        string ready = nameof(MachineStatus.Ready);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            List<long> picked = await db.Database.SqlQuery<long>($"""
                SELECT m.id AS "Value"
                FROM machines m
                JOIN unnest({ids}, {versions}) WITH ORDINALITY AS c(id, version, ord) ON m.id = c.id AND m.version = c.version
                WHERE m.status = {ready}
                ORDER BY c.ord
                LIMIT 1
                FOR UPDATE OF m SKIP LOCKED
                """).ToListAsync(ct);
            if (picked.Count == 0 || candidates.FirstOrDefault(m => m.Id == picked[0]) is not { } machine
                || !await WriteAsync(db, machine, acquire, ct))
            {
                return null;
            }

            await transaction.CommitAsync(ct);
            return Claimed(machine);
        }
        catch (Exception e) when (StoreErrors.IsConcurrencyAbort(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Acquires <paramref name="machine"/> in memory and writes the acquire's columns and events when the
    /// stored row is still READY at the version read; false (nothing written) otherwise.
    /// </summary>
    private static async Task<bool> WriteAsync(IngotDbContext db, Machine machine, Action<Machine> acquire, CancellationToken ct)
    {
        if (machine.Status != MachineStatus.Ready)
        {
            return false;
        }

        long read = machine.Version;
        acquire(machine);
        int written = await db.Machines
            .Where(m => m.Id == machine.Id && m.Version == read && m.Status == MachineStatus.Ready)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, machine.Status)
                    .SetProperty(m => m.PreviousStatus, machine.PreviousStatus)
                    .SetProperty(m => m.StatusExpires, machine.StatusExpires)
                    .SetProperty(m => m.Owner, machine.Owner)
                    .SetProperty(m => m.AgentName, machine.AgentName)
                    .SetProperty(m => m.Updated, machine.Updated)
                    .SetProperty(m => m.Version, read + 1),
                ct);
        if (written == 0)
        {
            return false;
        }

        MachineWrites.AddEvents(db, machine);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Machine Claimed(Machine machine)
    {
        long version = machine.Version + 1;
        claims.Written(machine.Id, version);
        machine.Saved(version);
        return machine;
    }
}
