using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ingot.Data.Sqlite;

/// <summary>
/// Begins every asynchronous EF transaction on SQLite (<c>BEGIN IMMEDIATE</c>: the write lock up front) with
/// <see cref="SqliteBusyWait"/>: short busy waits and asynchronous pauses, so a busy database neither fails the
/// request nor holds a thread for the whole wait. A failed <c>BEGIN</c> changes nothing, so trying it again is
/// always safe.
/// </summary>
internal sealed class SqliteBusyBegin(SqliteBusyWait wait) : DbTransactionInterceptor
{
    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || connection is not SqliteConnection sqlite)
        {
            return result;
        }

        SqliteTransaction transaction = await wait.RunAsync(sqlite, () => sqlite.BeginTransaction(eventData.IsolationLevel), cancellationToken);
        return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
    }
}
