using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ingot.Data.Sqlite;

/// <summary>
/// Runs every asynchronous EF statement that is not in a transaction and is not a <c>SELECT</c> (a single-row
/// <c>SaveChanges</c>, which EF sends without a transaction; <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> outside
/// one; the commands of a migration) with <see cref="SqliteBusyWait"/>. Outside a transaction SQLite undoes a
/// statement that could not get the write lock, so trying it again is safe. A statement inside a transaction is
/// never tried again here (its transaction already holds the lock, or a busy answer there must end it). Reads
/// are left alone: in WAL mode they do not wait for writers.
/// </summary>
internal sealed class SqliteBusyStatement(SqliteBusyWait wait) : DbCommandInterceptor
{
    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || Lone(command) is not { } sqlite)
        {
            return result;
        }

        int rows = await wait.RunAsync(sqlite.Connection!, () => Attempt(sqlite, () => sqlite.ExecuteNonQuery()), cancellationToken);
        return InterceptionResult<int>.SuppressWithResult(rows);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || Lone(command) is not { } sqlite)
        {
            return result;
        }

        // Microsoft.Data.Sqlite steps the first statement before it returns the reader: that is where the lock is taken.
        DbDataReader reader = await wait.RunAsync(sqlite.Connection!, () => Attempt<DbDataReader>(sqlite, () => sqlite.ExecuteReader()), cancellationToken);
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || Lone(command) is not { } sqlite)
        {
            return result;
        }

        object? value = await wait.RunAsync(sqlite.Connection!, () => Attempt(sqlite, () => sqlite.ExecuteScalar()), cancellationToken);
        return InterceptionResult<object>.SuppressWithResult(value!);
    }

    /// <summary>A SQLite statement outside any transaction that may write; null for anything else.</summary>
    private static SqliteCommand? Lone(DbCommand command) =>
        command is SqliteCommand { Transaction: null, Connection: { } } sqlite && !IsSelect(sqlite.CommandText) ? sqlite : null;

    private static bool IsSelect(string text) => text.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    /// <summary>The command's own retry on a busy answer bounded like the busy handler's, restored after.</summary>
    private T Attempt<T>(SqliteCommand command, Func<T> execute)
    {
        int timeout = command.CommandTimeout;
        command.CommandTimeout = wait.AttemptSeconds;
        try
        {
            return execute();
        }
        finally
        {
            command.CommandTimeout = timeout;
        }
    }
}
