using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Ingot.Data.Sqlite;

/// <summary>
/// Keeps a SQLite file's write-ahead log bounded while readers never stop. SQLite's automatic checkpoint
/// (PASSIVE, after a commit past 1,000 pages) copies frames back into the database but cannot restart the log
/// while any reader still uses one of its frames, and a storm always has such a reader: the log then only grows
/// (134 MB in a 1,000-machine storm). As SQLite documents for this case, every <see cref="Interval"/> the
/// <c>-wal</c> file's size is looked at; past <see cref="LimitBytes"/>, or when nothing was written to it for
/// <see cref="IdleAfter"/>, a <c>wal_checkpoint(TRUNCATE)</c> runs on its own connection with a busy wait of
/// <see cref="BusyTimeout"/>: it waits for the write lock, copies every frame, waits for the readers on older
/// snapshots to finish (new readers read the database file meanwhile) and truncates the log to 0 bytes. While it
/// waits, writers wait too (in Ingot, asynchronously: <see cref="SqliteBusyWait"/>); when readers did not finish
/// in time it gives up, having changed nothing that matters, and the next interval tries again.
/// </summary>
public sealed partial class SqliteWalCheckpoint : BackgroundService
{
    /// <summary>64 MiB: the log size that starts a checkpoint, and SQLite's <c>journal_size_limit</c>.</summary>
    public const long DefaultLimitBytes = 64L * 1024 * 1024;

    private readonly string _connectionString;
    private readonly string _walPath;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal SqliteWalCheckpoint(string connectionString, long limitBytes, TimeSpan interval, TimeSpan idleAfter, TimeSpan busyTimeout, TimeProvider time, ILogger logger)
    {
        _connectionString = connectionString;
        _walPath = WalPath(connectionString) ?? throw new ArgumentException("An in-memory SQLite database has no log file.", nameof(connectionString));
        LimitBytes = limitBytes;
        Interval = interval;
        IdleAfter = idleAfter;
        BusyTimeout = busyTimeout;
        _time = time;
        _logger = logger;
    }

    public SqliteWalCheckpoint(IngotDatabase database, TimeProvider time, ILogger<SqliteWalCheckpoint> logger)
        : this(database.ConnectionString, DefaultLimitBytes, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), time, logger)
    {
    }

    public long LimitBytes { get; }

    public TimeSpan Interval { get; }

    public TimeSpan IdleAfter { get; }

    public TimeSpan BusyTimeout { get; }

    /// <summary>How many checkpoints truncated the log.</summary>
    public int Truncations { get; private set; }

    /// <summary>How many checkpoints gave up because readers on older snapshots did not finish in time.</summary>
    public int Blocked { get; private set; }

    /// <summary>The <c>-wal</c> file of a SQLite database file; null for an in-memory database.</summary>
    public static string? WalPath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        bool memory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        return memory ? null : Path.GetFullPath(builder.DataSource) + "-wal";
    }

    /// <summary>The log's size now, 0 when there is none.</summary>
    public long WalBytes()
    {
        var wal = new FileInfo(_walPath);
        return wal.Exists ? wal.Length : 0;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Check();
            }
            catch (SqliteException e)
            {
                LogFailed(_logger, e, _walPath, Interval);
            }
        }
    }

    /// <summary>One look at the log: a checkpoint when it is past the limit or idle and not empty; null when none ran.</summary>
    public SqliteCheckpointOutcome? Check()
    {
        var wal = new FileInfo(_walPath);
        if (!wal.Exists || wal.Length == 0)
        {
            return null;
        }

        bool full = wal.Length >= LimitBytes;
        if (!full && _time.GetUtcNow() - wal.LastWriteTimeUtc < IdleAfter)
        {
            return null;
        }

        SqliteCheckpointOutcome outcome = Checkpoint();
        if (outcome.Blocked && full)
        {
            LogBlocked(_logger, _walPath, outcome.BytesBefore, LimitBytes, BusyTimeout);
        }
        else if (!outcome.Blocked && full)
        {
            LogTruncated(_logger, _walPath, outcome.BytesBefore);
        }

        return outcome;
    }

    /// <summary>A <c>wal_checkpoint(TRUNCATE)</c> now, waiting at most about <see cref="BusyTimeout"/> for the lock and for readers.</summary>
    public SqliteCheckpointOutcome Checkpoint()
    {
        long before = WalBytes();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        raw.sqlite3_busy_timeout(connection.Handle, (int)BusyTimeout.TotalMilliseconds);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds));
        using SqliteDataReader row = command.ExecuteReader();
        row.Read();
        bool blocked = row.GetInt64(0) != 0;
        var outcome = new SqliteCheckpointOutcome(blocked, row.GetInt64(1), row.GetInt64(2), before, WalBytes());
        if (blocked)
        {
            Blocked++;
        }
        else
        {
            Truncations++;
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL {Wal} is {Bytes} bytes, past its limit of {Limit}; readers kept the checkpoint from restarting it (tried for {Timeout})")]
    private static partial void LogBlocked(ILogger logger, string wal, long bytes, long limit, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "WAL {Wal} truncated from {Bytes} bytes (past its limit)")]
    private static partial void LogTruncated(ILogger logger, string wal, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint of {Wal} failed; the next one is in {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception error, string wal, TimeSpan interval);
}

/// <summary>What one checkpoint did: whether readers or a writer kept it from finishing, SQLite's frame counts, the log's size before and after.</summary>
public readonly record struct SqliteCheckpointOutcome(bool Blocked, long LogFrames, long CheckpointedFrames, long BytesBefore, long BytesAfter);
