using System.Data.Common;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Tests;

/// <summary>What the SQLite default needs beyond the store contract: WAL, waiting writers, a fresh data directory.</summary>
public sealed class SqliteDatabaseTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrating_creates_the_data_directory_and_puts_the_file_in_WAL_mode_with_a_busy_timeout()
    {
        string path = await database.CreateEmptyDatabaseAsync();
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        var ingot = IngotDatabase.Open(path);

        await ingot.MigrateAsync(Ct);

        Assert.True(File.Exists(path));
        Assert.Equal("wal", await PragmaAsync(ingot, "journal_mode"));
        Assert.Equal("60000", await PragmaAsync(ingot, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(ingot, "foreign_keys"));
    }

    private static async Task<string> PragmaAsync(IngotDatabase ingot, string pragma)
    {
        await using IngotDbContext db = ingot.CreateDbContext();
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
