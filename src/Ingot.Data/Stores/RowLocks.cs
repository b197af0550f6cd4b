using Ingot.Core.Machines;
using Ingot.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ingot.Data.Stores;

/// <summary>
/// PostgreSQL: a machine save takes its rows' locks without waiting. A row locked by another
/// transaction is being saved by a writer whose compare-and-set already matched, so this save would
/// lose: failing at once (as a conflict) spares a crowd of writers, such as parallel allocations,
/// queueing on the lock only to find the version moved on. SQLite has one writer at a time and no
/// row locks.
/// </summary>
internal static class RowLocks
{
    public static async Task TakeOrFailAsync(IngotDbContext db, List<Machine> machines, CancellationToken ct)
    {
        if (db is PostgresIngotDbContext)
        {
            long[] ids = [.. machines.Select(m => m.Id)];
            await db.Database.ExecuteSqlAsync($"SELECT id FROM machines WHERE id = ANY({ids}) ORDER BY id FOR UPDATE NOWAIT", ct);
        }
    }

    /// <summary>Whether <paramref name="exception"/> is PostgreSQL's "lock not available" from <see cref="TakeOrFailAsync"/>.</summary>
    public static bool IsBusy(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable }
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable };
}
