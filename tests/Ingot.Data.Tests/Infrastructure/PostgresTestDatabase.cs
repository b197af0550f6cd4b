using Npgsql;

namespace Ingot.Data.Tests.Infrastructure;

/// <summary>
/// Fresh databases on the PostgreSQL server named by <c>INGOT_TEST_POSTGRES</c> (a connection
/// string whose role may CREATE DATABASE), dropped with the fixture.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "INGOT_TEST_POSTGRES";

    private readonly string? _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;
    private readonly List<string> _created = [];

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string? SkipReason => _server is null
        ? $"{Variable} is not set: no PostgreSQL server to test against (scripts/postgres.sh start DIR prints one)."
        : null;

    public override async Task<string> CreateEmptyDatabaseAsync()
    {
        RequireAvailable();
        string name = $"ingot_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (_created)
        {
            _created.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }

    protected override async Task DropAllAsync()
    {
        if (_server is null)
        {
            return;
        }

        // The stores' pooled connections go first, so that no backend is still on a database
        // being dropped; a backend that is slow to exit on a loaded host gets a few more tries.
        NpgsqlConnection.ClearAllPools();
        var failures = new List<string>();
        foreach (string name in _created)
        {
            if (await TryDropAsync(name) is { } failure)
            {
                failures.Add($"{name}: {failure}");
            }
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"Test databases were not dropped: {string.Join("; ", failures)}");
        }
    }

    private async Task<string?> TryDropAsync(string name)
    {
        const int Attempts = 5;
        string? failure = null;
        for (int attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_server);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection)
                {
                    CommandTimeout = 120,
                };
                await command.ExecuteNonQueryAsync();
                return null;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                failure = e.Message;
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }

        return failure;
    }
}
