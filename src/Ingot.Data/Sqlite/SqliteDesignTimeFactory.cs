using Microsoft.EntityFrameworkCore.Design;

namespace Ingot.Data.Sqlite;

/// <summary>For <c>dotnet ef migrations add X --context SqliteIngotDbContext</c>; opens no database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIngotDbContext>
{
    public SqliteIngotDbContext CreateDbContext(string[] args) =>
        (SqliteIngotDbContext)IngotDatabase.Open("Data Source=design-time.db").CreateDbContext();
}
