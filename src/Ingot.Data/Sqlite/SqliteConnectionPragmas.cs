using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ingot.Data.Sqlite;

/// <summary>
/// Makes every SQLite connection wait for the write lock (<c>busy_timeout</c>) instead of failing
/// with "database is locked" when another writer holds it. WAL mode itself is set once, by
/// <see cref="IngotDatabase.MigrateAsync"/>, and persists in the file.
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 60_000;

    private const string Pragmas = "PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
