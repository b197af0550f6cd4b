using Ingot.Core.Regions;
using Npgsql;

namespace Ingot.Data.Regions;

/// <summary>
/// <see cref="IRegionJobLocks"/> on PostgreSQL: a transaction-scoped advisory lock
/// (<c>pg_try_advisory_xact_lock(namespace, job)</c>) on a connection of its own, held until the
/// handle is disposed (the transaction ends). PostgreSQL drops the lock with the connection, so a
/// region killed mid-pass frees the job for the others at once, with no expiry to wait for.
/// </summary>
public sealed class PostgresRegionJobLocks(string connectionString) : IRegionJobLocks
{
    /// <summary>The first key of Ingot's advisory locks, so that they cannot meet another application's on the same server.</summary>
    public const int LockNamespace = 0x1A607;

    public async Task<IAsyncDisposable?> TryTakeAsync(RegionJob job, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@space, @job)", connection, transaction);
            take.Parameters.AddWithValue("space", LockNamespace);
            take.Parameters.AddWithValue("job", (int)job);
            if (await take.ExecuteScalarAsync(ct) is true)
            {
                return new Held(connection, transaction);
            }

            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and the lock with it.
            }

            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
