using System.Diagnostics;
using Ingot.Data.Regions;
using Npgsql;

namespace Ingot.Data.Tests.Regions;

/// <summary>What PostgreSQL itself shows of a region's advisory lock (<see cref="PostgresRegionLiveness"/>), read on a connection of the test's own.</summary>
internal static class RegionLocks
{
    private static TimeSpan Bound { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The backend holding <paramref name="region"/>'s lock, or null when nobody holds it.</summary>
    public static async Task<int?> HolderAsync(string connectionString, string region, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var read = new NpgsqlCommand(
            """
            SELECT pid FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = @space::oid AND objid = @key::oid
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """,
            connection);
        read.Parameters.AddWithValue("space", (long)PostgresRegionLiveness.RegionNamespace);
        read.Parameters.AddWithValue("key", long.Parse(region, System.Globalization.CultureInfo.InvariantCulture));
        return await read.ExecuteScalarAsync(ct) is int pid ? pid : null;
    }

    /// <summary>Ends the backend holding <paramref name="region"/>'s lock (as a PostgreSQL restart or a cut connection would) and waits until its lock is gone.</summary>
    public static async Task<int> TerminateAsync(string connectionString, string region, CancellationToken ct)
    {
        int pid = await HolderAsync(connectionString, region, ct) ?? throw new InvalidOperationException($"Region {region} holds no lock.");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
            terminate.Parameters.AddWithValue("pid", pid);
            Assert.Equal(true, await terminate.ExecuteScalarAsync(ct));
        }

        await WaitAsync(connectionString, region, held: false, ct);
        return pid;
    }

    /// <summary>
    /// Waits until <paramref name="region"/>'s lock is held (or gone), polling for at most 10 s of real time (the
    /// backend's exit, or a region's reopening after its clock ticked, happen outside the test's clock); returns how long it took.
    /// </summary>
    public static async Task<TimeSpan> WaitAsync(string connectionString, string region, bool held, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while ((await HolderAsync(connectionString, region, ct) is not null) != held)
        {
            Assert.True(watch.Elapsed < Bound, $"Region {region}'s lock was still {(held ? "missing" : "held")} after {Bound.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }

        return watch.Elapsed;
    }
}
