using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task The_placement_migration_applies_over_a_database_with_machines_and_registers_the_names_they_use()
    {
        Database.RequireAvailable();
        var database = IngotDatabase.Open(await Database.CreateEmptyDatabaseAsync());
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)!);
        }

        await using (IngotDbContext db = database.CreateDbContext())
        {
            // The migration before the one that registers zone, pool, domain and tag names (later
            // migrations, such as DhcpLeases, must not change which one that is).
            string previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_PlacementSshKeysOwnerDataNonces", StringComparison.Ordinal)).Last();
            await db.GetService<IMigrator>().MigrateAsync(previous, Ct);
            await InsertOldMachineAsync(db);
        }

        await database.MigrateAsync(Ct);

        await using IngotDbContext after = database.CreateDbContext();
        Assert.Equal(["default", "north"], await after.Zones.OrderBy(z => z.Name).Select(z => z.Name).ToListAsync(Ct));
        Assert.Equal(["default", "rack-1"], await after.ResourcePools.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(Ct));
        Assert.Equal(["lab.example", "maas"], await after.Domains.OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(Ct));
        Assert.Equal(["gpu", "virtual"], await after.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(Ct));
        Assert.Equal(0, await after.ResourcePools.Where(p => p.Name == "default").Select(p => p.Id).SingleAsync(Ct));
        Assert.Equal("{}", await ScalarAsync(after, "SELECT owner_data FROM machines"));
    }

    /// <summary>A machine row written with the previous schema: every required column gets a plain value of its type.</summary>
    private async Task InsertOldMachineAsync(IngotDbContext db, string systemId = "old001", string hostname = "old-host")
    {
        bool sqlite = Database.Provider == DatabaseProvider.Sqlite;
        var named = new Dictionary<string, string>
        {
            ["system_id"] = $"'{systemId}'",
            ["hostname"] = $"'{hostname}'",
            ["zone"] = "'north'",
            ["pool"] = "'rack-1'",
            ["domain"] = "'lab.example'",
            ["tags"] = sqlite ? "'[\"virtual\",\"gpu\"]'" : "'{virtual,gpu}'",
            ["status"] = "'Ready'",
            ["previous_status"] = "'New'",
            ["power_parameters"] = "''",
        };
        string columnsQuery = sqlite
            ? "SELECT name, type, \"notnull\", pk FROM pragma_table_info('machines')"
            : "SELECT column_name, data_type, CASE is_nullable WHEN 'NO' THEN 1 ELSE 0 END, CASE is_identity WHEN 'YES' THEN 1 ELSE 0 END FROM information_schema.columns WHERE table_name = 'machines'";
        List<string> columns = [];
        List<string> values = [];
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using (DbCommand command = connection.CreateCommand())
        {
            command.CommandText = columnsQuery;
            await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                string name = reader.GetString(0);
                string type = reader.GetString(1).ToUpperInvariant();
                bool required = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) == 1;
                bool key = Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture) == 1;
                if (key || (!required && !named.ContainsKey(name)))
                {
                    continue;
                }

                columns.Add(name);
                values.Add(named.TryGetValue(name, out string? value) ? value : type switch
                {
                    "BOOLEAN" => "false",
                    "INTEGER" or "BIGINT" or "SMALLINT" or "NUMERIC" or "REAL" or "DOUBLE PRECISION" => "0",
                    "TIMESTAMP WITH TIME ZONE" => "now()",
                    "ARRAY" => "'{}'",
                    _ => "''",
                });
            }
        }

        await using DbCommand insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO machines ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";
        await insert.ExecuteNonQueryAsync(Ct);
        await connection.CloseAsync();
    }

    private static async Task<string?> ScalarAsync(IngotDbContext db, string sql)
    {
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(Ct))?.ToString();
    }
}
