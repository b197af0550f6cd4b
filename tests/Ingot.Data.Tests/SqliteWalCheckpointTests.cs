using Ingot.Data.Sqlite;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Data.Tests;

/// <summary>
/// The write-ahead log under a writer and readers that never all stop (each new reader starts before the last one
/// ends, as in a storm): without <see cref="SqliteWalCheckpoint"/> the log only grows; with it, it stays near its
/// limit. Real SQLite files; the checker is called by the writer after every tenth commit, so that the bound does
/// not depend on a timer.
/// </summary>
public sealed class SqliteWalCheckpointTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private const int Commits = 800;

    private const int RowBytes = 8 * 1024;

    private const long Limit = 512 * 1024;

    /// <summary>What the log may reach with the checkpoint: its limit, ten commits' growth between looks, and room for a look that readers blocked.</summary>
    private const long Bound = 4L * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Under_overlapping_readers_the_checkpoint_keeps_the_log_bounded_and_loses_no_row()
    {
        string file = await NewFileAsync();
        SqliteWalCheckpoint checkpoint = Checkpoint(file, idleAfter: TimeSpan.FromHours(1));

        long largest = await WriteUnderReadersAsync(file, checkpoint);

        Assert.True(checkpoint.Truncations > 0, $"no checkpoint truncated the log ({checkpoint.Blocked} blocked)");
        Assert.True(largest < Bound, $"the log reached {largest} bytes with a {Limit}-byte limit ({checkpoint.Truncations} truncations, {checkpoint.Blocked} blocked)");
        Assert.Equal(Commits, await CountAsync(file));
    }

    [Fact]
    public async Task Under_overlapping_readers_without_the_checkpoint_the_log_grows_past_the_bound()
    {
        string file = await NewFileAsync();

        long largest = await WriteUnderReadersAsync(file, checkpoint: null);

        Assert.True(largest >= Bound, $"the log stayed at {largest} bytes without a checkpoint: the workload does not show the problem");
    }

    [Fact]
    public async Task An_idle_log_is_truncated_to_nothing_and_no_row_is_lost()
    {
        string file = await NewFileAsync();
        await WriteUnderReadersAsync(file, checkpoint: null, commits: 50, readers: false);
        SqliteWalCheckpoint checkpoint = Checkpoint(file, idleAfter: TimeSpan.Zero);
        Assert.True(checkpoint.WalBytes() > 0);

        SqliteCheckpointOutcome? outcome = checkpoint.Check();

        Assert.NotNull(outcome);
        Assert.False(outcome.Value.Blocked);
        Assert.Equal(0, checkpoint.WalBytes());
        Assert.Equal(50, await CountAsync(file));
    }

    [Fact]
    public async Task A_small_log_that_is_still_written_is_left_alone()
    {
        string file = await NewFileAsync();
        await WriteUnderReadersAsync(file, checkpoint: null, commits: 5, readers: false);
        SqliteWalCheckpoint checkpoint = Checkpoint(file, idleAfter: TimeSpan.FromHours(1));

        Assert.Null(checkpoint.Check());
        Assert.True(checkpoint.WalBytes() > 0);
    }

    [Fact]
    public async Task The_service_truncates_an_idle_log_on_its_own()
    {
        string file = await NewFileAsync();
        await WriteUnderReadersAsync(file, checkpoint: null, commits: 20, readers: false);
        SqliteWalCheckpoint checkpoint = Checkpoint(file, idleAfter: TimeSpan.FromMilliseconds(200));

        await checkpoint.StartAsync(Ct);
        try
        {
            for (int i = 0; i < 300 && checkpoint.WalBytes() > 0; i++)
            {
                await Task.Delay(50, Ct);
            }
        }
        finally
        {
            await checkpoint.StopAsync(Ct);
        }

        Assert.Equal(0, checkpoint.WalBytes());
        Assert.Equal(20, await CountAsync(file));
    }

    /// <summary>
    /// <paramref name="commits"/> transactions of one <see cref="RowBytes"/> row each; meanwhile (if
    /// <paramref name="readers"/>) two connections take turns holding a read transaction, each opening its next one
    /// before the other's closes. Returns the largest log size seen after a commit.
    /// </summary>
    private static async Task<long> WriteUnderReadersAsync(string file, SqliteWalCheckpoint? checkpoint, int commits = Commits, bool readers = true)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task reading = readers ? Task.Run(() => ReadInTurns(file, stop.Token), Ct) : Task.CompletedTask;
        long largest = 0;
        try
        {
            await using var writer = new SqliteConnection($"Data Source={file}");
            await writer.OpenAsync(Ct);
            Execute(writer, "PRAGMA busy_timeout = 30000;");
            byte[] data = new byte[RowBytes];
            Random.Shared.NextBytes(data);
            for (int i = 1; i <= commits; i++)
            {
                using (SqliteTransaction transaction = writer.BeginTransaction())
                {
                    using SqliteCommand insert = writer.CreateCommand();
                    insert.CommandText = "INSERT INTO filler (data) VALUES (@data)";
                    insert.Parameters.AddWithValue("@data", data);
                    insert.ExecuteNonQuery();
                    transaction.Commit();
                }

                largest = Math.Max(largest, WalBytes(file));
                if (checkpoint is not null && i % 10 == 0)
                {
                    checkpoint.Check();
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }

        return largest;
    }

    /// <summary>Two readers; the next read transaction begins (and reads) before the previous one ends, so some reader is always in the log.</summary>
    private static void ReadInTurns(string file, CancellationToken stop)
    {
        using var first = new SqliteConnection($"Data Source={file}");
        using var second = new SqliteConnection($"Data Source={file}");
        first.Open();
        second.Open();
        SqliteConnection[] connections = [first, second];
        SqliteTransaction? open = null;
        for (int turn = 0; !stop.IsCancellationRequested; turn++)
        {
            SqliteConnection next = connections[turn % 2];
            SqliteTransaction began = next.BeginTransaction(deferred: true);
            using (SqliteCommand count = next.CreateCommand())
            {
                count.Transaction = began;
                count.CommandText = "SELECT count(*) FROM filler";
                count.ExecuteScalar();
            }

            open?.Dispose();
            open = began;
            stop.WaitHandle.WaitOne(5);
        }

        open?.Dispose();
    }

    private static SqliteWalCheckpoint Checkpoint(string file, TimeSpan idleAfter) =>
        new($"Data Source={file}", Limit, TimeSpan.FromMilliseconds(50), idleAfter, TimeSpan.FromSeconds(2), TimeProvider.System, NullLogger.Instance);

    private static long WalBytes(string file)
    {
        var wal = new FileInfo(file + "-wal");
        return wal.Exists ? wal.Length : 0;
    }

    private static async Task<long> CountAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(Ct);
        await using SqliteCommand count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM filler";
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }

    private async Task<string> NewFileAsync()
    {
        string file = await database.CreateEmptyDatabaseAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(Ct);
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL);");
        return file;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
