namespace Ingot.Data;

/// <summary>The database engines Ingot runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: production, and several regions on one database.</summary>
    Postgres,
}
