using System.Globalization;
using System.Security.Cryptography;
using Ingot.Core.Regions;
using Npgsql;

namespace Ingot.Data.Regions;

/// <summary>
/// <see cref="IRegionLiveness"/> on PostgreSQL: a region is running while a connection of its own holds
/// the session advisory lock <c>(RegionNamespace, key)</c>, taken at its first use; the region's id is
/// that key. The running regions are the keys <c>pg_locks</c> shows granted in this database. PostgreSQL
/// drops the lock when the connection goes, so a region killed with SIGKILL stops counting as soon as
/// its connection closes. A lock connection that broke is opened again with the same key.
/// </summary>
public sealed class PostgresRegionLiveness(string connectionString) : IRegionLiveness, IAsyncDisposable
{
    /// <summary>The first key of the regions' locks (next to <see cref="PostgresRegionJobLocks.LockNamespace"/> for jobs).</summary>
    public const int RegionNamespace = PostgresRegionJobLocks.LockNamespace + 1;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _held;
    private int _key = NewKey();
    private bool _keyFixed;

    public string RegionId => _key.ToString(CultureInfo.InvariantCulture);

    public async Task<IReadOnlySet<string>> LiveRegionsAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            NpgsqlConnection held = await HoldAsync(ct);
            await using var read = new NpgsqlCommand(
                """
                SELECT objid::bigint FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = @space::oid
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """,
                held);
            read.Parameters.AddWithValue("space", (long)RegionNamespace);
            var live = new HashSet<string> { RegionId };
            await using NpgsqlDataReader r = await read.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                live.Add(r.GetInt64(0).ToString(CultureInfo.InvariantCulture));
            }

            return live;
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

    /// <summary>The lock connection, opened (and the lock taken) when there is none or it broke.</summary>
    private async Task<NpgsqlConnection> HoldAsync(CancellationToken ct)
    {
        if (_held is { State: System.Data.ConnectionState.Open })
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
