using System.Data.Common;
using Ingot.Core.Hardware;
using Ingot.Data.Stores;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Tests;

/// <summary>
/// Lookups that every boot makes, checked against SQLite's query plan: a full scan of the machines costs
/// nothing in a test and tens of milliseconds per request at ten thousand machines.
/// </summary>
public sealed class SqliteQueryPlanTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_machine_is_found_by_mac_through_the_interfaces_index_without_scanning_machines()
    {
        var ingot = IngotDatabase.Open(await database.CreateEmptyDatabaseAsync());
        await ingot.MigrateAsync(Ct);
        await using IngotDbContext db = ingot.CreateDbContext();
        MacAddress mac = MacAddress.Parse("52:54:00:0f:f6:11");

        IReadOnlyList<string> plan = await PlanAsync(db, MacLookup.Having(db, db.Machines, [mac]).OrderBy(m => m.Id).Take(1));

        Assert.Contains(plan, step => step.Contains("USING INDEX ix_interfaces_mac_address", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.Contains("ix_machines_", StringComparison.Ordinal));
    }

    /// <summary>
    /// Several MACs (an enlisting machine's interfaces): still from the MAC index. A status condition beside it is left
    /// out of the SQL on purpose: SQLite then walks the status index (the whole fleet is NEW or COMMISSIONING in a storm).
    /// </summary>
    [Fact]
    public async Task Machines_are_found_by_any_of_several_macs_through_the_mac_index_and_their_primary_key()
    {
        var ingot = IngotDatabase.Open(await database.CreateEmptyDatabaseAsync());
        await ingot.MigrateAsync(Ct);
        await using IngotDbContext db = ingot.CreateDbContext();
        MacAddress[] macs = [MacAddress.Parse("52:54:00:0f:f6:11"), MacAddress.Parse("52:54:00:0f:f6:12")];

        IReadOnlyList<string> plan = await PlanAsync(db, MacLookup.Having(db, db.Machines, macs).OrderBy(m => m.Id));

        Assert.Contains(plan, step => step.Contains("USING INDEX ix_interfaces_mac_address", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.Contains("ix_machines_", StringComparison.Ordinal));
    }

    /// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> of the SQL EF makes for <paramref name="query"/>: each step's detail.</summary>
    private static async Task<IReadOnlyList<string>> PlanAsync<T>(IngotDbContext db, IQueryable<T> query)
    {
        // ToQueryString puts ".param set" lines (the sqlite3 shell's) before the statement; unbound parameters are NULL.
        string sql = string.Join('\n', query.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        await db.Database.OpenConnectionAsync(Ct);
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            steps.Add(reader.GetString(3));
        }

        Assert.NotEmpty(steps);
        return steps;
    }
}
