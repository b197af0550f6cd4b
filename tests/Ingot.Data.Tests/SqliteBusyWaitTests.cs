using System.Diagnostics;
using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Core.Zones;
using Ingot.Data.Sqlite;
using Ingot.Data.Stores;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Tests;

/// <summary>
/// Two writers on one SQLite file: a raw connection holds the write lock longer than a writer's busy wait (one
/// attempt of <see cref="SqliteBusyWait"/>); a writer on each of Ingot's write paths must then wait and succeed,
/// not fail with "database is locked". The controls (no time left to wait) fail with SQLite's busy error and save
/// nothing: they show the path goes through the short attempts (without them it would sit in SQLite's own 60 s
/// busy wait and succeed), so the waiting tests can fail.
/// </summary>
public sealed class SqliteBusyWaitTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly TimeSpan s_hold = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan s_attempt = TimeSpan.FromMilliseconds(300);

    private static readonly DateTime s_stamp = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each write path, by name: what it writes, and how to see afterwards that it did.</summary>
    public static TheoryData<string> Paths => ["transaction", "lone SaveChanges", "ExecuteUpdate", "ExecuteDelete", "DHCP lease batch"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_writer_behind_a_lock_held_past_its_busy_wait_waits_and_writes(string path)
    {
        string file = await MigratedAsync();
        var wait = new SqliteBusyWait(TimeSpan.FromSeconds(60), s_attempt, TimeProvider.System);

        (Exception? error, TimeSpan took) = await BehindHeldLockAsync(file, () => WriteAsync(path, file, wait));

        Assert.Null(error);
        Assert.True(took >= s_hold - TimeSpan.FromMilliseconds(500), $"the write took {took}, less than the other writer held the lock");
        Assert.True(await WrittenAsync(path, file), $"{path}: the write is not in the database");
        Assert.Contains("holder", await ZoneNamesAsync(file));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Without_time_left_to_wait_the_busy_error_stands_and_nothing_is_written(string path)
    {
        string file = await MigratedAsync();
        var wait = new SqliteBusyWait(TimeSpan.Zero, s_attempt, TimeProvider.System);

        (Exception? error, TimeSpan took) = await BehindHeldLockAsync(file, () => WriteAsync(path, file, wait));

        var busy = Assert.IsType<SqliteException>(Innermost(error));
        Assert.Equal(5, busy.SqliteErrorCode);
        Assert.True(took < s_hold, $"the write failed after {took}: it did not fail on its first short attempt");
        Assert.False(await WrittenAsync(path, file), $"{path}: a failed write left a change");
    }

    [Fact]
    public async Task A_migration_behind_another_writer_waits_and_migrates()
    {
        string file = await database.CreateEmptyDatabaseAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var wait = new SqliteBusyWait(TimeSpan.FromSeconds(60), s_attempt, TimeProvider.System);
        IngotDatabase ingot = IngotDatabase.Open(file, wait);

        (Exception? error, TimeSpan took) = await BehindHeldLockAsync(file, () => ingot.MigrateAsync(Ct), migrated: false);

        Assert.Null(error);
        Assert.True(took >= s_hold - TimeSpan.FromMilliseconds(500), $"the migration took {took}, less than the other writer held the lock");
        await using IngotDbContext db = ingot.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(Zone.DefaultName, (await db.Zones.SingleAsync(Ct)).Name);
    }

    [Fact]
    public async Task Without_time_left_to_wait_a_migration_behind_another_writer_fails()
    {
        string file = await database.CreateEmptyDatabaseAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        IngotDatabase ingot = IngotDatabase.Open(file, new SqliteBusyWait(TimeSpan.Zero, s_attempt, TimeProvider.System));

        (Exception? error, _) = await BehindHeldLockAsync(file, () => ingot.MigrateAsync(Ct), migrated: false);

        Assert.Equal(5, Assert.IsType<SqliteException>(Innermost(error)).SqliteErrorCode);
    }

    [Fact]
    public async Task Many_writers_at_once_on_every_path_all_write()
    {
        string file = await MigratedAsync();
        var wait = new SqliteBusyWait(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100), TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => i % 2 == 0 ? AddZoneAsync(file, wait, $"zone-{i:D2}", transaction: i % 4 == 0) : LeaseAsync(file, wait, i), Ct)));

        Assert.Equal(20, (await ZoneNamesAsync(file)).Count(n => n.StartsWith("zone-", StringComparison.Ordinal)));
        Assert.Equal(20, (await new DhcpLeaseStore(IngotDatabase.Open(file)).ListAsync(Ct)).Count);
    }

    private static Task WriteAsync(string path, string file, SqliteBusyWait wait) => path switch
    {
        "transaction" => AddZoneAsync(file, wait, "behind", transaction: true),
        "lone SaveChanges" => AddZoneAsync(file, wait, "behind", transaction: false),
        "ExecuteUpdate" => UpdateDefaultZoneAsync(file, wait),
        "ExecuteDelete" => DeleteZoneAsync(file, wait),
        "DHCP lease batch" => LeaseAsync(file, wait, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    private static async Task<bool> WrittenAsync(string path, string file) => path switch
    {
        "transaction" or "lone SaveChanges" => (await ZoneNamesAsync(file)).Contains("behind"),
        "ExecuteUpdate" => (await DefaultZoneDescriptionAsync(file)) == "updated",
        "ExecuteDelete" => !(await ZoneNamesAsync(file)).Contains("doomed"),
        "DHCP lease batch" => (await new DhcpLeaseStore(IngotDatabase.Open(file)).ListAsync(Ct)).Count == 1,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    /// <summary>
    /// A raw connection holds <c>BEGIN IMMEDIATE</c> for <see cref="s_hold"/> (having written a zone, or on a new
    /// file a table); <paramref name="write"/> starts meanwhile. Returns its error and when it ended.
    /// </summary>
    private static async Task<(Exception? Error, TimeSpan Took)> BehindHeldLockAsync(string file, Func<Task> write, bool migrated = true)
    {
        await using var holder = new SqliteConnection($"Data Source={file}");
        await holder.OpenAsync(Ct);
        await ExecuteAsync(holder, "PRAGMA journal_mode = WAL;");
        await using (SqliteTransaction held = holder.BeginTransaction())
        {
            await ExecuteAsync(holder, migrated
                ? "INSERT INTO zones (name, description, created, updated) VALUES ('holder', '', '2026-01-01', '2026-01-01')"
                : "CREATE TABLE holder (x INTEGER)");
            var clock = Stopwatch.StartNew();
            TimeSpan ended = TimeSpan.Zero;
            Task writing = Task.Run(
                async () =>
                {
                    try
                    {
                        await write();
                    }
                    finally
                    {
                        ended = clock.Elapsed;
                    }
                },
                Ct);
            await Task.Delay(s_hold, Ct);
            await held.CommitAsync(Ct);
            try
            {
                await writing;
                return (null, ended);
            }
            catch (Exception e)
            {
                return (e, ended);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>A zone added in an explicit transaction, as most stores write, or by a lone <c>SaveChanges</c> (one statement, no transaction).</summary>
    private static async Task AddZoneAsync(string file, SqliteBusyWait wait, string name, bool transaction)
    {
        await using IngotDbContext db = IngotDatabase.Open(file, wait).CreateDbContext();
        await using var began = transaction ? await db.Database.BeginTransactionAsync(Ct) : null;
        db.Zones.Add(new Zone { Name = name, Created = s_stamp, Updated = s_stamp });
        await db.SaveChangesAsync(Ct);
        if (began is not null)
        {
            await began.CommitAsync(Ct);
        }
    }

    private static async Task UpdateDefaultZoneAsync(string file, SqliteBusyWait wait)
    {
        await using IngotDbContext db = IngotDatabase.Open(file, wait).CreateDbContext();
        await db.Zones.Where(z => z.Name == Zone.DefaultName).ExecuteUpdateAsync(s => s.SetProperty(z => z.Description, "updated"), Ct);
    }

    private static async Task DeleteZoneAsync(string file, SqliteBusyWait wait)
    {
        await using IngotDbContext db = IngotDatabase.Open(file, wait).CreateDbContext();
        await db.Zones.Where(z => z.Name == "doomed").ExecuteDeleteAsync(Ct);
    }

    /// <summary>The DHCP server's write: a raw ADO.NET batch in one transaction (<see cref="DhcpLeaseStore.WriteAsync"/>).</summary>
    private static async Task LeaseAsync(string file, SqliteBusyWait wait, int host)
    {
        var lease = new DhcpLease(MacAddress.Parse($"52:54:00:00:00:{host:x2}"), IPAddress.Parse($"10.9.0.{host}"), s_stamp, s_stamp.AddHours(1), $"node-{host}", "");
        await new DhcpLeaseStore(IngotDatabase.Open(file, wait)).WriteAsync([DhcpLeaseWrite.Save(lease)], Ct);
    }

    private static async Task<List<string>> ZoneNamesAsync(string file)
    {
        await using IngotDbContext db = IngotDatabase.Open(file).CreateDbContext();
        return await db.Zones.Where(z => z.Name != Zone.DefaultName).OrderBy(z => z.Name).Select(z => z.Name).ToListAsync(Ct);
    }

    private static async Task<string> DefaultZoneDescriptionAsync(string file)
    {
        await using IngotDbContext db = IngotDatabase.Open(file).CreateDbContext();
        return await db.Zones.Where(z => z.Name == Zone.DefaultName).Select(z => z.Description).SingleAsync(Ct);
    }

    private static Exception? Innermost(Exception? error)
    {
        while (error?.InnerException is { } inner)
        {
            error = inner;
        }

        return error;
    }

    /// <summary>A migrated file with a zone <c>doomed</c> for the delete to remove.</summary>
    private async Task<string> MigratedAsync()
    {
        string file = await database.CreateEmptyDatabaseAsync();
        await IngotDatabase.Open(file).MigrateAsync(Ct);
        await AddZoneAsync(file, SqliteBusyWait.Default, "doomed", transaction: true);
        return file;
    }
}
