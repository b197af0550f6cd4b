using System.Data.Common;
using Ingot.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ingot.Data;

/// <summary>
/// Reads what the operator gave as <c>--database</c>: a PostgreSQL connection string
/// (<c>Host=...</c>, or a <c>postgres://user:pass@host:port/db</c> URI) selects PostgreSQL;
/// anything else is SQLite, either <c>Data Source=...</c> or a plain file path.
/// </summary>
public static class ConnectionStrings
{
    private static readonly string[] s_postgresKeys = ["host", "server"];
    private static readonly string[] s_sqliteKeys = ["data source", "datasource", "filename"];

    public static DatabaseProvider Detect(string connectionString) =>
        Normalise(connectionString).Provider;

    /// <summary>The provider and a connection string it accepts.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Normalise(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        string text = connectionString.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return (DatabaseProvider.Postgres, FromUri(new Uri(text)));
        }

        if (TryParse(text) is { } builder)
        {
            if (s_postgresKeys.Any(builder.ContainsKey))
            {
                return (DatabaseProvider.Postgres, text);
            }

            if (s_sqliteKeys.Any(builder.ContainsKey))
            {
                return (DatabaseProvider.Sqlite, Sqlite(new SqliteConnectionStringBuilder(text)));
            }
        }

        return (DatabaseProvider.Sqlite, Sqlite(new SqliteConnectionStringBuilder { DataSource = text }));
    }

    private static DbConnectionStringBuilder? TryParse(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return new DbConnectionStringBuilder { ConnectionString = text };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Sqlite(SqliteConnectionStringBuilder builder)
    {
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = SqliteConnectionPragmas.BusyTimeoutMilliseconds / 1000;
        }

        return builder.ConnectionString;
    }

    private static string FromUri(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        string[] userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        string database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        return builder.ConnectionString;
    }
}
