using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Ingot.Data.Sqlite;

/// <summary>
/// How an asynchronous write on SQLite waits for the write lock: SQLite's busy handler sleeps on the calling
/// thread (Microsoft.Data.Sqlite's "asynchronous" calls are synchronous), so under a storm hundreds of writers
/// waiting their 60 s each starved the thread pool, the lock holder's own continuations waited in that queue,
/// holds grew past the busy timeout and requests failed with "database is locked". Here each attempt waits
/// at most <see cref="AttemptTimeout"/> in the busy handler; a busy answer is followed by an asynchronous pause
/// of <see cref="Pause"/> (random) and a new attempt, until <see cref="MaximumWait"/> has passed; the attempt
/// after that throws the busy error as before. Only statements whose busy failure changes nothing are tried
/// again: a <c>BEGIN</c> (<see cref="SqliteBusyBegin"/>) and a statement outside a transaction
/// (<see cref="SqliteBusyStatement"/>, which SQLite rolls back whole). Synchronous calls are left to SQLite's
/// own busy wait (<see cref="SqliteConnectionPragmas.BusyTimeoutMilliseconds"/>).
/// </summary>
internal sealed class SqliteBusyWait(TimeSpan maximumWait, TimeSpan attemptTimeout, TimeProvider time)
{
    private const int SqliteBusy = 5;

    public static SqliteBusyWait Default { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), TimeProvider.System);

    public TimeSpan MaximumWait => maximumWait;

    public TimeSpan AttemptTimeout => attemptTimeout;

    /// <summary>A random pause between attempts: 50 ms up to the attempt timeout.</summary>
    public TimeSpan Pause => TimeSpan.FromMilliseconds(Random.Shared.Next(50, Math.Max(51, (int)attemptTimeout.TotalMilliseconds)));

    /// <summary>The interceptors that make EF's transactions and lone statements wait this way.</summary>
    public IInterceptor[] Interceptors() => [new SqliteBusyBegin(this), new SqliteBusyStatement(this)];

    /// <summary>Runs <paramref name="attempt"/> until it is not refused for a busy database, or time is up.</summary>
    public async ValueTask<T> RunAsync<T>(SqliteConnection connection, Func<T> attempt, CancellationToken ct)
    {
        long started = time.GetTimestamp();
        while (true)
        {
            bool timeLeft = time.GetElapsedTime(started) < maximumWait;
            if (TryOnce(connection, attempt, timeLeft, out T result))
            {
                return result;
            }

            await Task.Delay(Pause, time, ct);
        }
    }

    /// <summary>One attempt with a short busy wait; false when the database stayed busy and there is time left.</summary>
    private bool TryOnce<T>(SqliteConnection connection, Func<T> attempt, bool timeLeft, out T result)
    {
        int timeout = connection.DefaultTimeout;
        raw.sqlite3_busy_timeout(connection.Handle, (int)attemptTimeout.TotalMilliseconds);
        connection.DefaultTimeout = AttemptSeconds;
        try
        {
            result = attempt();
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteBusy && timeLeft)
        {
            result = default!;
            return false;
        }
        finally
        {
            connection.DefaultTimeout = timeout;
            raw.sqlite3_busy_timeout(connection.Handle, SqliteConnectionPragmas.BusyTimeoutMilliseconds);
        }
    }

    /// <summary>Microsoft.Data.Sqlite's own retry on a busy answer, in whole seconds (at least 1).</summary>
    public int AttemptSeconds => Math.Max(1, (int)Math.Ceiling(attemptTimeout.TotalSeconds));
}
