using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ingot.Data.Sqlite;

/// <summary>
/// Begins every EF transaction on SQLite (<c>BEGIN IMMEDIATE</c>: the write lock up front) so that a busy
/// database never fails a request and a waiting writer does not hold a thread for the whole wait. SQLite's
/// busy handler sleeps on the calling thread (Microsoft.Data.Sqlite's "asynchronous" calls are synchronous),
/// so under a storm hundreds of writers waiting their 60 s each starved the thread pool, the lock holder's
/// own continuations waited in that queue, holds grew past the busy timeout and requests failed with
/// "database is locked" at <c>BEGIN</c>. Here each attempt waits at most <see cref="AttemptTimeout"/> in the
/// busy handler; a busy answer is followed by an asynchronous pause of <see cref="Pause"/> (random) and a
/// new attempt, until <see cref="MaximumWait"/> has passed; the attempt after that throws the busy error as before.
/// A failed <c>BEGIN</c> changes nothing, so trying it again is always safe. Synchronous transactions are left
/// to SQLite's own busy wait (the storm's writers are all asynchronous).
/// </summary>
internal sealed class SqliteBusyBegin(TimeSpan maximumWait, TimeSpan attemptTimeout, TimeProvider time) : DbTransactionInterceptor
{
    private const int SqliteBusy = 5;

    public static SqliteBusyBegin Default { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), TimeProvider.System);

    public TimeSpan MaximumWait => maximumWait;

    public TimeSpan AttemptTimeout => attemptTimeout;

    /// <summary>A random pause between attempts: 50 ms up to the attempt timeout.</summary>
    public TimeSpan Pause => TimeSpan.FromMilliseconds(Random.Shared.Next(50, Math.Max(51, (int)attemptTimeout.TotalMilliseconds)));

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || connection is not SqliteConnection sqlite)
        {
            return result;
        }

        long started = time.GetTimestamp();
        while (true)
        {
            if (TryBegin(sqlite, eventData.IsolationLevel, time.GetElapsedTime(started)) is { } transaction)
            {
                return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
            }

            await Task.Delay(Pause, time, cancellationToken);
        }
    }

    /// <summary>One attempt with a short busy wait; null when the database stayed busy and there is time left.</summary>
    private SqliteTransaction? TryBegin(SqliteConnection connection, IsolationLevel isolation, TimeSpan waited)
    {
        int timeout = connection.DefaultTimeout;
        SetBusyTimeout(connection, (int)attemptTimeout.TotalMilliseconds);
        connection.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(attemptTimeout.TotalSeconds));
        try
        {
            return connection.BeginTransaction(isolation);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteBusy && waited < maximumWait)
        {
            return null;
        }
        finally
        {
            connection.DefaultTimeout = timeout;
            SetBusyTimeout(connection, SqliteConnectionPragmas.BusyTimeoutMilliseconds);
        }
    }

    private static void SetBusyTimeout(SqliteConnection connection, int milliseconds)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }
}
