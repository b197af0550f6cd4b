using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ingot.Data.Tests;

public class ConnectionStringsTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=5433;Username=ingot;Password=x;Database=ingot")]
    [InlineData("host=db.example;Database=maas")]
    [InlineData("Server=db;Database=maas")]
    [InlineData("postgres://ingot:x@127.0.0.1:5433/ingot")]
    [InlineData("postgresql://db/maas")]
    public void A_PostgreSQL_connection_string_selects_PostgreSQL(string text)
    {
        Assert.Equal(DatabaseProvider.Postgres, ConnectionStrings.Detect(text));
    }

    [Theory]
    [InlineData("/var/lib/ingot/ingot.db")]
    [InlineData("ingot.db")]
    [InlineData("Data Source=/tmp/ingot.db")]
    [InlineData("data source=relative.db;Cache=Shared")]
    [InlineData("/srv/odd=name/ingot.db")]
    public void Anything_else_is_a_SQLite_file(string text)
    {
        Assert.Equal(DatabaseProvider.Sqlite, ConnectionStrings.Detect(text));
    }

    [Fact]
    public void A_plain_path_becomes_the_data_source_with_a_long_busy_timeout()
    {
        (_, string normalised) = ConnectionStrings.Normalise("/srv/odd=name/ingot.db");

        var builder = new SqliteConnectionStringBuilder(normalised);
        Assert.Equal("/srv/odd=name/ingot.db", builder.DataSource);
        Assert.Equal(60, builder.DefaultTimeout);
    }

    [Fact]
    public void A_postgres_URI_becomes_keywords()
    {
        (_, string normalised) = ConnectionStrings.Normalise("postgres://ingot:p%40ss@10.1.2.3:5433/maas");

        var builder = new NpgsqlConnectionStringBuilder(normalised);
        Assert.Equal(("10.1.2.3", 5433, "ingot", "p@ss", "maas"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Fact]
    public void An_empty_connection_string_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => ConnectionStrings.Detect(" "));
    }
}
