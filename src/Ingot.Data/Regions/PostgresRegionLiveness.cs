using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using Ingot.Core.Regions;
using Npgsql;

namespace Ingot.Data.Regions;

/// <summary>
/// <see cref="IRegionLiveness"/> on PostgreSQL: a region is running while a connection of its own holds
/// the session advisory lock <c>(RegionNamespace, key)</c>, taken at its first use; the region's id is
/// that key. The regions whose locks <c>pg_locks</c> shows granted in this database run; so does a region
/// this process has watched go missing for less than <see cref="Hysteresis"/>, because a lock connection
/// that broke (PostgreSQL restarted, the backend terminated, an idle connection cut) takes the lock with it
/// while the region goes on carrying out its claims. Each region checks its own lock connection every
/// <see cref="CheckInterval"/> (<see cref="KeepAsync"/>) and opens it again with the same key, well inside
/// the hysteresis. A region killed with SIGKILL loses its lock at once and counts as stopped
/// <see cref="Hysteresis"/> after this process first saw it missing. The clock is <see cref="TimeProvider"/>'s:
/// the time PostgreSQL was unreachable is not counted, since nothing was seen missing then.
/// </summary>
public sealed class PostgresRegionLiveness(string connectionString, TimeProvider? time = null) : IRegionLiveness, IAsyncDisposable
{
    /// <summary>The first key of the regions' locks (next to <see cref="PostgresRegionJobLocks.LockNamespace"/> for jobs).</summary>
    public const int RegionNamespace = PostgresRegionJobLocks.LockNamespace + 1;

    /// <summary>How often a region checks its own lock connection and reads which regions run.</summary>
    public static TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a region must have been seen missing before it counts as stopped.</summary>
    public static TimeSpan Hysteresis { get; } = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<long> _known = [];
    private readonly Dictionary<long, DateTimeOffset> _missingSince = [];
    private DateTimeOffset? _watchingSince;
    private NpgsqlConnection? _held;
    private int _key = NewKey();
    private bool _keyFixed;

    public string RegionId => _key.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The regions with their lock now, those seen missing for less than <see cref="Hysteresis"/>, and, until
    /// this process has watched for that long, every region that holds a power claim (it may have lost its
    /// lock just before this process started).
    /// </summary>
    public async Task<IReadOnlySet<string>> LiveRegionsAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await ObserveAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Checks this region's lock every <see cref="CheckInterval"/> until <paramref name="ct"/> ends: a broken
    /// lock connection is opened again (same key) and <paramref name="reopened"/> is told; a check that fails
    /// (PostgreSQL unreachable) goes to <paramref name="failed"/> and is tried again at the next tick.
    /// </summary>
    public async Task KeepAsync(Action? reopened, Action<Exception>? failed, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(CheckInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    if (await CheckAsync(ct))
                    {
                        reopened?.Invoke();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed?.Invoke(e);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>One check: the lock connection is used (opened again when it broke) and the running regions read. True when it was reopened.</summary>
    public async Task<bool> CheckAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            bool hadOne = _held is not null;
            NpgsqlConnection? before = _held;
            await ObserveAsync(ct);
            return hadOne && !ReferenceEquals(before, _held);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_held is not null)
        {
            await _held.DisposeAsync();
        }

        _gate.Dispose();
    }

    private static int NewKey() => RandomNumberGenerator.GetInt32(1, int.MaxValue);

    private async Task<IReadOnlySet<string>> ObserveAsync(CancellationToken ct)
    {
        HashSet<long> granted;
        NpgsqlConnection held = await HoldAsync(ct);
        try
        {
            granted = await GrantedAsync(held, ct);
        }
        catch (NpgsqlException) when (held.State != ConnectionState.Open)
        {
            // The lock connection broke since its last use (its backend was terminated, PostgreSQL restarted):
            // open it again, which takes the lock again, and read once more.
            granted = await GrantedAsync(await HoldAsync(ct), ct);
        }

        DateTimeOffset now = _time.GetUtcNow();
        _watchingSince ??= now;
        var live = new HashSet<string> { RegionId };
        foreach (long key in granted)
        {
            _known.Add(key);
            _missingSince.Remove(key);
            live.Add(key.ToString(CultureInfo.InvariantCulture));
        }

        foreach (long key in _known.Where(k => !granted.Contains(k)).ToList())
        {
            if (!_missingSince.TryGetValue(key, out DateTimeOffset since))
            {
                since = now;
                _missingSince[key] = now;
            }

            if (now - since < Hysteresis)
            {
                live.Add(key.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                _known.Remove(key);
                _missingSince.Remove(key);
            }
        }

        if (now - _watchingSince < Hysteresis)
        {
            live.UnionWith(await ClaimingRegionsAsync(_held!, ct));
        }

        return live;
    }

    private static async Task<HashSet<long>> GrantedAsync(NpgsqlConnection held, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand(
            """
            SELECT objid::bigint FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = @space::oid
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """,
            held);
        read.Parameters.AddWithValue("space", (long)RegionNamespace);
        var granted = new HashSet<long>();
        await using NpgsqlDataReader r = await read.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            granted.Add(r.GetInt64(0));
        }

        return granted;
    }

    /// <summary>The regions named in power claims (read only while this process has not watched for <see cref="Hysteresis"/> yet).</summary>
    private static async Task<List<string>> ClaimingRegionsAsync(NpgsqlConnection held, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand("SELECT DISTINCT power_claimed_by FROM machines WHERE power_claimed_by IS NOT NULL", held);
        var regions = new List<string>();
        await using NpgsqlDataReader r = await read.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            regions.Add(r.GetString(0));
        }

        return regions;
    }

    /// <summary>The lock connection, opened (and the lock taken) when there is none or it broke.</summary>
    private async Task<NpgsqlConnection> HoldAsync(CancellationToken ct)
    {
        if (_held is { State: ConnectionState.Open })
        {
            return _held;
        }

        if (_held is not null)
        {
            await _held.DisposeAsync();
            _held = null;
        }

        // Not pooled: closing it must end the session, and with it the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            while (!await TryLockAsync(connection, ct))
            {
                // Another running region drew the same key: draw again, unless claims were made under this one.
                if (_keyFixed)
                {
                    throw new InvalidOperationException($"Region {RegionId}'s lock is held by another session.");
                }

                _key = NewKey();
            }

            _keyFixed = true;
            _held = connection;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, @key)", connection);
        take.Parameters.AddWithValue("space", RegionNamespace);
        take.Parameters.AddWithValue("key", _key);
        return await take.ExecuteScalarAsync(ct) is true;
    }
}
