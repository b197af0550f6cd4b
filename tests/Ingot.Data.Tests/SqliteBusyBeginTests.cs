using System.Diagnostics;
using Ingot.Core.Zones;
using Ingot.Data.Sqlite;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Tests;

/// <summary>
/// Two writers on one SQLite file: one holds the write lock longer than a writer's busy wait; the EF writer
/// must then wait and succeed (<see cref="SqliteBusyBegin"/>), not fail with "database is locked".
/// </summary>
public sealed class SqliteBusyBeginTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly TimeSpan s_hold = TimeSpan.FromSeconds(4);

    private static readonly DateTime s_stamp = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_writer_behind_a_lock_held_past_its_busy_wait_waits_and_saves()
    {
        string path = await MigratedAsync();
        var begin = new SqliteBusyBegin(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300), TimeProvider.System);

        (Exception? error, TimeSpan took) = await SaveBehindHeldLockAsync(path, begin, "behind");

        Assert.Null(error);
        Assert.True(took >= s_hold - TimeSpan.FromMilliseconds(500), $"the save took {took}, less than the other writer held the lock");
        Assert.Equal(["behind", "holder"], await ZoneNamesAsync(path));
    }

    [Fact]
    public async Task Without_time_left_to_wait_the_busy_error_stands_and_nothing_is_saved()
    {
        string path = await MigratedAsync();
        var begin = new SqliteBusyBegin(TimeSpan.Zero, TimeSpan.FromMilliseconds(300), TimeProvider.System);

        (Exception? error, _) = await SaveBehindHeldLockAsync(path, begin, "behind");

        var busy = Assert.IsType<SqliteException>(error);
        Assert.Equal(5, busy.SqliteErrorCode);
        Assert.Equal(["holder"], await ZoneNamesAsync(path));
    }

    [Fact]
    public async Task Many_writers_at_once_all_save()
    {
        string path = await MigratedAsync();
        var begin = new SqliteBusyBegin(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100), TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => AddZoneAsync(path, begin, $"zone-{i:D2}"), Ct)));

        Assert.Equal(40, (await ZoneNamesAsync(path)).Count(n => n.StartsWith("zone-", StringComparison.Ordinal)));
    }

    /// <summary>A raw connection holds <c>BEGIN IMMEDIATE</c> for <see cref="s_hold"/>; an EF save starts meanwhile.</summary>
    private static async Task<(Exception? Error, TimeSpan Took)> SaveBehindHeldLockAsync(string path, SqliteBusyBegin begin, string name)
    {
        await using var holder = new SqliteConnection($"Data Source={path}");
        await holder.OpenAsync(Ct);
        await using (SqliteTransaction held = holder.BeginTransaction())
        {
            await using (SqliteCommand insert = holder.CreateCommand())
            {
                insert.CommandText = "INSERT INTO zones (name, description, created, updated) VALUES ('holder', '', '2026-01-01', '2026-01-01')";
                await insert.ExecuteNonQueryAsync(Ct);
            }

            var clock = Stopwatch.StartNew();
            Task saving = Task.Run(() => AddZoneAsync(path, begin, name), Ct);
            await Task.Delay(s_hold, Ct);
            await held.CommitAsync(Ct);
            try
            {
                await saving;
                return (null, clock.Elapsed);
            }
            catch (Exception e)
            {
                return (e, clock.Elapsed);
            }
        }
    }

    /// <summary>A write in an explicit transaction, as the stores make them.</summary>
    private static async Task AddZoneAsync(string path, SqliteBusyBegin begin, string name)
    {
        await using SqliteIngotDbContext db = Context(path, begin);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Zones.Add(new Zone { Name = name, Created = s_stamp, Updated = s_stamp });
        await db.SaveChangesAsync(Ct);
        await transaction.CommitAsync(Ct);
    }

    private static SqliteIngotDbContext Context(string path, SqliteBusyBegin begin) =>
        new(new DbContextOptionsBuilder<SqliteIngotDbContext>()
            .UseSqlite($"Data Source={path}")
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new SqliteConnectionPragmas(), begin)
            .Options);

    private static async Task<List<string>> ZoneNamesAsync(string path)
    {
        await using SqliteIngotDbContext db = Context(path, SqliteBusyBegin.Default);
        return await db.Zones.Where(z => z.Name != Zone.DefaultName).OrderBy(z => z.Name).Select(z => z.Name).ToListAsync(Ct);
    }

    private async Task<string> MigratedAsync()
    {
        string path = await database.CreateEmptyDatabaseAsync();
        await IngotDatabase.Open(path).MigrateAsync(Ct);
        return path;
    }
}
