using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Migrations_create_the_whole_schema_on_an_empty_database()
    {
        Database.RequireAvailable();
        var database = IngotDatabase.Open(await Database.CreateEmptyDatabaseAsync());

        await database.MigrateAsync(Ct);
        await database.MigrateAsync(Ct);

        await using IngotDbContext db = database.CreateDbContext();
        Assert.Equal(Database.Provider, database.Provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(0, await db.Machines.CountAsync(Ct));
        Assert.Equal(0, await db.Events.CountAsync(Ct));
        Assert.Equal(0, await db.ApiTokens.CountAsync(Ct));
    }

    [Fact]
    public async Task The_model_has_no_changes_that_lack_a_migration()
    {
        Database.RequireAvailable();
        await using IngotDbContext db = IngotDatabase.Open(Database.ConnectionString).CreateDbContext();

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The {Database.Provider} model has changes without a migration: run dotnet ef migrations add <Name> --project src/Ingot.Data --context {db.GetType().Name} --output-dir Migrations/{Database.Provider}.");
    }
}
