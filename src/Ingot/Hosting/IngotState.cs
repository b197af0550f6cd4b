using Ingot.BootResources;
using Ingot.Core.Config;
using Ingot.Core.Machines;
using Ingot.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ingot.Hosting;

/// <summary>The composition of Ingot's state: time, the database and its stores.</summary>
public static class IngotState
{
    public static IServiceCollection AddServices(IServiceCollection services, DataLocation location)
    {
        Directory.CreateDirectory(location.DataDirectory);
        services.AddSingleton(TimeProvider.System);
        services.AddIngotData(location.Database);
        services.AddIngotPower();
        services.AddNetworkServices();
        services.AddBootResources(location);
        return services;
    }

    /// <summary>A service provider for one-shot commands (createadmin, apikey).</summary>
    public static ServiceProvider BuildProvider(DataLocation location) =>
        AddServices(new ServiceCollection().AddLogging(), location).BuildServiceProvider();

    /// <summary>Creates or migrates the schema.</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IngotDatabase>().MigrateAsync(ct);

    /// <summary>A status monitor with the settings as they are stored now (node_timeout may change).</summary>
    public static async Task<StatusMonitor> StatusMonitorAsync(IServiceProvider services, CancellationToken ct) => new(
        services.GetRequiredService<IMachineStore>(),
        await LifecycleSettingsLoader.LoadAsync(services.GetRequiredService<IConfigStore>(), ct),
        services.GetRequiredService<TimeProvider>());

    /// <summary>The database for humans: the SQLite file, or the PostgreSQL server and database (never the password).</summary>
    public static string Describe(DataLocation location)
    {
        (DatabaseProvider provider, string connectionString) = ConnectionStrings.Normalise(location.Database);
        if (provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite {new SqliteConnectionStringBuilder(connectionString).DataSource}";
        }

        var postgres = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {postgres.Host}:{postgres.Port}/{postgres.Database}";
    }
}
