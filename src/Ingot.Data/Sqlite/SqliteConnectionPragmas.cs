using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ingot.Data.Sqlite;

/// <summary>
/// Makes every SQLite connection wait for the write lock (<c>busy_timeout</c>) instead of failing
/// with "database is locked" when another writer holds it, and cuts the WAL file back to
/// <see cref="SqliteWalCheckpoint.DefaultLimitBytes"/> whenever SQLite restarts the log
/// (<c>journal_size_limit</c>; without it the file keeps its largest size). WAL mode itself is set once, by
/// <see cref="IngotDatabase.MigrateAsync"/>, and persists in the file.
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 60_000;

    private static readonly string s_pragmas =
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = {SqliteWalCheckpoint.DefaultLimitBytes};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = s_pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = s_pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
