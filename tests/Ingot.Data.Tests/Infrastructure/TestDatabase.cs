namespace Ingot.Data.Tests.Infrastructure;

/// <summary>
/// A database for one test class, migrated once; also makes further empty databases on the same
/// engine. When the engine is not available the tests that ask for it are skipped, not failed.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private string? _connectionString;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why this engine cannot be used here, or null when it can.</summary>
    public abstract string? SkipReason { get; }

    /// <summary>The class's migrated database.</summary>
    public string ConnectionString
    {
        get
        {
            RequireAvailable();
            return _connectionString ?? throw new InvalidOperationException("The database was not initialised.");
        }
    }

    /// <summary>Skips the calling test when the engine is not available.</summary>
    public void RequireAvailable()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Stores on the class's database, wired as in production.</summary>
    public DataServices Open() => DataServices.Open(ConnectionString);

    /// <summary>A new database with no schema at all.</summary>
    public abstract Task<string> CreateEmptyDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        _connectionString = await CreateEmptyDatabaseAsync();
        await IngotDatabase.Open(_connectionString).MigrateAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await DropAllAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task DropAllAsync();
}
