using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ingot.Data.Stores;

internal static class StoreErrors
{
    /// <summary>The unique index's name (EF's <c>IX_</c> name, snake-cased by the naming convention).</summary>
    private const string HostnameIndex = "ix_machines_hostname";

    /// <summary>SQLite's extended result code for a UNIQUE constraint failure.</summary>
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// PostgreSQL aborted the transaction because of a concurrent one (serialization failure or
    /// deadlock): nothing was written, which is exactly a lost compare-and-set.
    /// </summary>
    public static bool IsConcurrencyAbort(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The write broke the unique index on <c>machines.hostname</c>: another machine has the name
    /// (PostgreSQL's unique violation on that index; SQLite's <c>SQLITE_CONSTRAINT_UNIQUE</c> naming the column).
    /// </summary>
    public static bool IsHostnameTaken(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: HostnameIndex }:
                case SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique } sqlite
                    when sqlite.Message.Contains("machines.hostname", StringComparison.Ordinal):
                    return true;
            }
        }

        return false;
    }
}
