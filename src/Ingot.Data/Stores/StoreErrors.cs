using Npgsql;

namespace Ingot.Data.Stores;

internal static class StoreErrors
{
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
}
