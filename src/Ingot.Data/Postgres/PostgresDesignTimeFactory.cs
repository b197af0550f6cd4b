using Microsoft.EntityFrameworkCore.Design;

namespace Ingot.Data.Postgres;

/// <summary>For <c>dotnet ef migrations add X --context PostgresIngotDbContext</c>; opens no database.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIngotDbContext>
{
    public PostgresIngotDbContext CreateDbContext(string[] args) =>
        (PostgresIngotDbContext)IngotDatabase.Open("Host=localhost;Database=ingot_design_time").CreateDbContext();
}
