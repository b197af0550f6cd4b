using Ingot.Hosting;
using Npgsql;

namespace Ingot.Tests.Serving;

/// <summary>
/// The same contract against a real PostgreSQL server: a fresh database per test on the server
/// named by <c>INGOT_TEST_POSTGRES</c> (test.sh starts one on loopback); skipped without it.
/// </summary>
public sealed class PostgresServeTests : ServeContract
{
    private string? _database;

    protected override string[] DatabaseArgs => ["--data-dir", DataDir, "--database", _database ??= CreateDatabase()];

    protected override DataLocation Location => DataLocation.Resolve(DataDir, _database ??= CreateDatabase());

    private static string CreateDatabase()
    {
        string? server = Environment.GetEnvironmentVariable("INGOT_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(server), "INGOT_TEST_POSTGRES is not set; ./test.sh starts PostgreSQL and sets it.");
        string name = $"ingot_cli_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
