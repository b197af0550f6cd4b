using System.Collections;

namespace Ingot.Hosting;

/// <summary>
/// Where Ingot keeps its state: the data directory and the database. The database is a SQLite
/// file in the data directory unless <c>--database</c> (or <c>INGOT_DATABASE</c>) gives a
/// PostgreSQL connection string.
/// </summary>
public sealed record DataLocation(string DataDirectory, string Database)
{
    public const string DatabaseVariable = "INGOT_DATABASE";

    /// <summary>
    /// The data directory is <paramref name="dataDir"/>, else <c>$XDG_DATA_HOME/ingot</c>, else
    /// <c>~/.local/share/ingot</c>; the database is <paramref name="database"/>, else
    /// <c>$INGOT_DATABASE</c>, else <c>ingot.db</c> in the data directory.
    /// </summary>
    public static DataLocation Resolve(string? dataDir, string? database, IDictionary environment)
    {
        string directory = dataDir is { Length: > 0 }
            ? Path.GetFullPath(dataDir)
            : environment["XDG_DATA_HOME"] is string xdg && xdg.Length > 0
                ? Path.Combine(xdg, "ingot")
                : Path.Combine(environment["HOME"] as string ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "ingot");

        string db = database is { Length: > 0 }
            ? database
            : environment[DatabaseVariable] is string fromEnv && fromEnv.Length > 0
                ? fromEnv
                : $"Data Source={Path.Combine(directory, "ingot.db")}";

        return new DataLocation(directory, db);
    }

    public static DataLocation Resolve(string? dataDir, string? database) =>
        Resolve(dataDir, database, Environment.GetEnvironmentVariables());
}
