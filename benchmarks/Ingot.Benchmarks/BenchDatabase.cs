using Ingot.Core.Machines;
using Ingot.Data;
using Ingot.Data.Secrets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ingot.Benchmarks;

/// <summary>
/// A database for one benchmark run: a fresh SQLite file in a temporary directory, or a fresh
/// database on the PostgreSQL server given by <c>--postgres CONNECTION</c>; removed on dispose
/// unless <c>--keep</c>. The stores are wired as the host wires them (AddIngotData).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    private BenchDatabase(string connectionString, string engine, Func<Task> drop)
    {
        ConnectionString = connectionString;
        Engine = engine;
        _drop = drop;
        _services = new ServiceCollection().AddIngotData(connectionString).BuildServiceProvider();
    }

    public string ConnectionString { get; }

    public string Engine { get; }

    public IMachineStore Machines => _services.GetRequiredService<IMachineStore>();

    public IngotDatabase Database => _services.GetRequiredService<IngotDatabase>();

    public SecretsAtRest Secrets => _services.GetRequiredService<SecretsAtRest>();

    public IServiceProvider Services => _services;

    public static async Task<BenchDatabase> CreateAsync(string? postgresServer, bool keep, CancellationToken ct)
    {
        BenchDatabase database;
        if (postgresServer is null)
        {
            DirectoryInfo directory = Directory.CreateTempSubdirectory("ingot-bench-");
            string file = Path.Combine(directory.FullName, "ingot.db");
            database = new BenchDatabase(file, "SQLite", () =>
            {
                SqliteConnection.ClearAllPools();
                if (!keep)
                {
                    directory.Delete(recursive: true);
                }

                return Task.CompletedTask;
            });
        }
        else
        {
            string name = $"ingot_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(postgresServer))
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync(ct);
            }

            database = new BenchDatabase(new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ConnectionString, "PostgreSQL", async () =>
            {
                NpgsqlConnection.ClearAllPools();
                if (keep)
                {
                    return;
                }

                await using var connection = new NpgsqlConnection(postgresServer);
                await connection.OpenAsync(CancellationToken.None);
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            });
        }

        await database.Database.MigrateAsync(ct);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _drop();
    }
}
