using Microsoft.Data.Sqlite;

namespace Ingot.Data.Tests.Infrastructure;

/// <summary>SQLite files in a temporary directory that is removed with the fixture.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ingot-data-tests-");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string? SkipReason => null;

    /// <summary>A plain file path, as <c>--data-dir</c> produces it; the file does not exist yet.</summary>
    public override Task<string> CreateEmptyDatabaseAsync() =>
        Task.FromResult(Path.Combine(_directory.FullName, $"{Guid.NewGuid():N}", "ingot.db"));

    protected override Task DropAllAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
