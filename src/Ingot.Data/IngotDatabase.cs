using Ingot.Data.Postgres;
using Ingot.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data;

/// <summary>
/// Ingot's database, on the provider its connection string names (see <see cref="ConnectionStrings"/>).
/// Hands out a fresh <see cref="IngotDbContext"/> per operation, so one instance is safe to share
/// across threads, and creates or migrates the schema at start (<see cref="MigrateAsync"/>).
/// </summary>
public sealed class IngotDatabase : IDbContextFactory<IngotDbContext>
{
    private readonly DbContextOptions<SqliteIngotDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresIngotDbContext>? _postgres;

    private IngotDatabase(DatabaseProvider provider, string connectionString, SqliteBusyWait busyWait)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == DatabaseProvider.Sqlite)
        {
            _sqlite = new DbContextOptionsBuilder<SqliteIngotDbContext>()
                .UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(new SqliteConnectionPragmas())
                .AddInterceptors(busyWait.Interceptors())
                .Options;
        }
        else
        {
            _postgres = new DbContextOptionsBuilder<PostgresIngotDbContext>()
                .UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .UseSnakeCaseNamingConvention()
                .Options;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string in the provider's own form.</summary>
    public string ConnectionString { get; }

    /// <summary>The database named by <paramref name="connectionString"/>: PostgreSQL for <c>Host=...</c>, else a SQLite file.</summary>
    public static IngotDatabase Open(string connectionString) => Open(connectionString, SqliteBusyWait.Default);

    /// <summary>The same, with SQLite writers waiting for the write lock as <paramref name="busyWait"/> says (tests).</summary>
    internal static IngotDatabase Open(string connectionString, SqliteBusyWait busyWait)
    {
        (DatabaseProvider provider, string normalised) = ConnectionStrings.Normalise(connectionString);
        return new IngotDatabase(provider, normalised, busyWait);
    }

    public IngotDbContext CreateDbContext() => Provider == DatabaseProvider.Sqlite
        ? new SqliteIngotDbContext(_sqlite!)
        : new PostgresIngotDbContext(_postgres!);

    /// <summary>
    /// Creates the database (and, for SQLite, its directory) if missing and applies every pending
    /// migration of this provider's set. Safe to call from several processes at once: EF takes a
    /// migration lock. SQLite files are switched to WAL mode first, so readers never block the writer, the
    /// migration's own writes included.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            string path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }
        }

        await using IngotDbContext db = CreateDbContext();
        if (Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }

        await db.Database.MigrateAsync(ct);
    }
}
