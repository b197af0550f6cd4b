using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ingot.Data.Stores;

/// <summary>
/// A transaction for reads only: one consistent snapshot over several queries. On SQLite it is a deferred
/// <c>BEGIN</c> (a WAL reader's snapshot, no write lock), not EF's <c>BEGIN IMMEDIATE</c>, which takes the
/// write lock and so made every such read queue behind every writer; elsewhere the provider's default.
/// </summary>
internal sealed class ReadTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly DbTransaction? _owned;

    private ReadTransaction(IDbContextTransaction transaction, DbTransaction? owned)
    {
        _transaction = transaction;
        _owned = owned;
    }

    public static async Task<ReadTransaction> BeginAsync(IngotDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
        {
            return new ReadTransaction(await db.Database.BeginTransactionAsync(ct), null);
        }

        await db.Database.OpenConnectionAsync(ct);
        SqliteTransaction deferred = sqlite.BeginTransaction(deferred: true);
        IDbContextTransaction? used = await db.Database.UseTransactionAsync(deferred, ct);
        return new ReadTransaction(used!, deferred);
    }

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
