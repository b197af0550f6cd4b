using Ingot.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ingot.Data.Tests;

/// <summary>
/// SQLite's writers queue for the write lock in process, asynchronously (<c>SqliteWriteGate</c>): the
/// gate must be let go on every way a transaction ends, or every later writer would wait its minute.
/// </summary>
public sealed class SqliteWriteGateTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transaction_disposed_without_commit_or_rollback_lets_the_next_writer_in()
    {
        IngotDatabase ingot = await OpenAsync();
        await using (IngotDbContext abandoned = ingot.CreateDbContext())
        {
            IDbContextTransaction transaction = await abandoned.Database.BeginTransactionAsync(Ct);
            await transaction.DisposeAsync();
        }

        await WriteAsync(ingot).WaitAsync(TimeSpan.FromSeconds(20), Ct);
    }

    [Fact]
    public async Task Writers_that_commit_and_roll_back_in_turn_all_get_through()
    {
        IngotDatabase ingot = await OpenAsync();
        for (int i = 0; i < 20; i++)
        {
            await using IngotDbContext db = ingot.CreateDbContext();
            await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(Ct);
            if (i % 2 == 0)
            {
                await transaction.RollbackAsync(Ct);
            }
            else
            {
                await transaction.CommitAsync(Ct);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => WriteAsync(ingot), Ct))).WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    private async Task<IngotDatabase> OpenAsync()
    {
        var ingot = IngotDatabase.Open(await database.CreateEmptyDatabaseAsync());
        await ingot.MigrateAsync(Ct);
        return ingot;
    }

    private static async Task WriteAsync(IngotDatabase ingot)
    {
        await using IngotDbContext db = ingot.CreateDbContext();
        await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(Ct);
        await transaction.CommitAsync(Ct);
    }
}
