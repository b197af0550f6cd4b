using System.Data.Common;
using System.Globalization;
using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Benchmarks;

/// <summary>
/// <c>lease-sync</c>: the read a region's DHCP server makes every second on a shared database
/// (<see cref="IDhcpLeaseStore.ListSinceAsync"/>, the leases bound since the last sync less its overlap) among N
/// stored leases of which a few are recent. <c>--no-index</c> drops the index on <c>starts</c> first (the read as it
/// was before the index); the query plan is printed either way (PostgreSQL: <c>EXPLAIN</c>, SQLite: <c>EXPLAIN QUERY PLAN</c>).
/// </summary>
internal static class LeaseSyncBenchmark
{
    private const int Recent = 20;

    public static async Task RunAsync(Options options, CancellationToken ct)
    {
        int count = options.Number("leases", 10_000);
        int repetitions = options.Number("reps", 200);
        int warmups = options.Number("warmups", 20);
        bool noIndex = options.Flag("no-index");
        await using BenchDatabase db = await BenchDatabase.CreateAsync(options.Postgres, options.Keep, ct);
        Report.Line($"lease-sync: {Recent} recent of {count} leases on {db.Engine}, {(noIndex ? "without" : "with")} the index on starts");
        IDhcpLeaseStore store = db.Services.GetRequiredService<IDhcpLeaseStore>();
        var now = new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);
        await SeedAsync(store, count, now, ct);
        await using IngotDbContext context = db.Services.GetRequiredService<IDbContextFactory<IngotDbContext>>().CreateDbContext();
        if (noIndex)
        {
            await context.Database.ExecuteSqlRawAsync("DROP INDEX ix_dhcp_leases_starts", ct);
        }

        // As autovacuum would have by then: the planner's statistics cover the seeded rows.
        await context.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        DateTimeOffset since = now - TimeSpan.FromSeconds(6);
        await PrintPlanAsync(context, db.Engine, since, ct);
        IReadOnlyList<DhcpLease> read = await store.ListSinceAsync(since, ct);
        if (read.Count != Recent)
        {
            throw new InvalidOperationException($"The sync read {read.Count} leases, not the {Recent} recent ones.");
        }

        await Timing.MeasureAsync("ListSinceAsync (leases bound in the last 6 s)", warmups, repetitions, async () => await store.ListSinceAsync(since, ct));
        if (db.Engine == "PostgreSQL")
        {
            await ServerTimeAsync(context, since, repetitions, ct);
        }
    }

    /// <summary>
    /// PostgreSQL's own execution time of the read (<c>EXPLAIN ANALYZE</c>'s "Execution Time", without the round
    /// trip and the client), which a loaded host disturbs less than the wall time.
    /// </summary>
    private static async Task ServerTimeAsync(IngotDbContext context, DateTimeOffset since, int repetitions, CancellationToken ct)
    {
        DbConnection connection = context.Database.GetDbConnection();
        var samples = new List<double>(repetitions);
        for (int i = 0; i < repetitions; i++)
        {
            await using DbCommand explain = Explain(connection, "EXPLAIN (ANALYZE, TIMING OFF) ", since);
            await using DbDataReader reader = await explain.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                string line = reader.GetString(0);
                if (line.StartsWith("Execution Time: ", StringComparison.Ordinal))
                {
                    samples.Add(double.Parse(line["Execution Time: ".Length..].Replace(" ms", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
                }
            }
        }

        var summary = Timing.Summary.Of(samples);
        Report.Line($"server execution time: median {summary.Median:0.000} ms, min {summary.Min:0.000} ms, max {summary.Max:0.000} ms (n={samples.Count})");
    }

    private static DbCommand Explain(DbConnection connection, string prefix, DateTimeOffset since)
    {
        DbCommand explain = connection.CreateCommand();
        explain.CommandText = prefix + "SELECT address, mac, starts, ends, hostname, client_id FROM dhcp_leases WHERE starts >= @since";
        DbParameter parameter = explain.CreateParameter();
        parameter.ParameterName = "@since";
        parameter.Value = since.UtcDateTime;
        explain.Parameters.Add(parameter);
        return explain;
    }

    /// <summary>N leases in 10.0.0.0/16 bound over the hour before <paramref name="now"/>, the last <see cref="Recent"/> in its last 5 s.</summary>
    private static async Task SeedAsync(IDhcpLeaseStore store, int count, DateTimeOffset now, CancellationToken ct)
    {
        var batch = new List<DhcpLeaseWrite>(500);
        for (int i = 0; i < count; i++)
        {
            DateTimeOffset starts = i >= count - Recent
                ? now - TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(i - (count - Recent))
                : now - TimeSpan.FromHours(1) + TimeSpan.FromSeconds(i * 3000.0 / count);
            var lease = new DhcpLease(
                MacAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"52:54:00:{i >> 16 & 0xff:x2}:{i >> 8 & 0xff:x2}:{i & 0xff:x2}")),
                new IPAddress([10, 0, (byte)(i >> 8), (byte)i]),
                starts,
                starts + TimeSpan.FromHours(2),
                "",
                "");
            batch.Add(DhcpLeaseWrite.Save(lease));
            if (batch.Count == batch.Capacity || i == count - 1)
            {
                await store.ClaimAsync(batch, ct);
                batch.Clear();
            }
        }
    }

    private static async Task PrintPlanAsync(IngotDbContext context, string engine, DateTimeOffset since, CancellationToken ct)
    {
        DbConnection connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(ct);
        await using DbCommand explain = Explain(connection, engine == "PostgreSQL" ? "EXPLAIN " : "EXPLAIN QUERY PLAN ", since);
        await using DbDataReader reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            Report.Line($"  plan: {reader.GetValue(reader.FieldCount - 1)}");
        }
    }
}
