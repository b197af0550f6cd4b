using Ingot.Core.Boot;
using Ingot.Core.BootResources;
using Ingot.Core.Config;
using Ingot.Core.Domains;
using Ingot.Core.Events;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Metadata;
using Ingot.Core.Networks;
using Ingot.Core.Regions;
using Ingot.Core.ResourcePools;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Core.Zones;
using Ingot.Data.Regions;
using Ingot.Data.Secrets;
using Ingot.Data.Sqlite;
using Ingot.Data.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingot.Data;

/// <summary>What the composition root calls to put Ingot's database behind Core's ports.</summary>
public static class IngotDataServiceCollectionExtensions
{
    /// <summary>The Data Protection application name: keys are shared by every region with this name.</summary>
    public const string ApplicationName = "ingot";

    /// <summary>
    /// Registers <see cref="IngotDatabase"/> (also as <see cref="IDbContextFactory{TContext}"/>),
    /// Data Protection with its key ring in the database, and the stores as singletons:
    /// <see cref="IMachineStore"/>, <see cref="IUserStore"/>, <see cref="IConfigStore"/>,
    /// <see cref="IZoneStore"/>, <see cref="IResourcePoolStore"/>, <see cref="IDomainStore"/>,
    /// <see cref="ITagStore"/>, <see cref="IHardwareDetailsStore"/>, <see cref="INetworkStore"/>, <see cref="ISshKeyStore"/>, <see cref="INonceLedger"/>, <see cref="IEventLog"/>,
    /// <see cref="IDhcpLeaseStore"/>, <see cref="IBootResourceStore"/>, <see cref="IBootSourceStore"/>,
    /// <see cref="IMachineTokenStore"/> and <see cref="IScriptResultStore"/>.
    /// On a SQLite file, also <see cref="SqliteWalCheckpoint"/> as a hosted service (it runs when a host runs).
    /// Call <see cref="IngotDatabase.MigrateAsync"/> before the first request.
    /// </summary>
    public static IServiceCollection AddIngotData(this IServiceCollection services, string connectionString)
    {
        var database = IngotDatabase.Open(connectionString);
        services.AddSingleton(database);
        services.AddSingleton<IDbContextFactory<IngotDbContext>>(database);
        services.AddScoped(_ => database.CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<IngotDbContext>();
        services.AddSingleton<SecretsAtRest>();
        services.AddSingleton<IMachineStore, MachineStore>();
        services.AddSingleton<IMachineVersionReads, MachineVersionReads>();
        services.AddSingleton<IUserStore, UserStore>();
        services.AddSingleton<IConfigStore, ConfigStore>();
        services.AddSingleton<IZoneStore, ZoneStore>();
        services.AddSingleton<IResourcePoolStore, ResourcePoolStore>();
        services.AddSingleton<IDomainStore, DomainStore>();
        services.AddSingleton<ITagStore, TagStore>();
        services.AddSingleton<IHardwareDetailsStore, HardwareDetailsStore>();
        services.AddSingleton<INetworkStore, NetworkStore>();
        services.AddSingleton<ISshKeyStore, SshKeyStore>();
        services.AddSingleton<INonceLedger, NonceLedger>();
        services.AddSingleton<IEventLog, EventLog>();
        services.AddSingleton<IDhcpLeaseStore, DhcpLeaseStore>();
        services.AddSingleton<IBootResourceStore, BootResourceStore>();
        services.AddSingleton<IBootSourceStore, BootSourceStore>();
        services.AddSingleton<IMachineTokenStore, MachineTokenStore>();
        services.AddSingleton<IScriptResultStore, ScriptResultStore>();
        services.AddSingleton<IScriptStore, ScriptStore>();
        services.AddSingleton<IRegionJobLocks>(database.Provider == DatabaseProvider.Postgres
            ? new PostgresRegionJobLocks(database.ConnectionString)
            : new SingleRegionJobLocks());
        services.AddSingleton<IRegionLiveness>(sp => database.Provider == DatabaseProvider.Postgres
            ? new PostgresRegionLiveness(database.ConnectionString, sp.GetService<TimeProvider>())
            : new OneRegion());
        if (database.Provider == DatabaseProvider.Sqlite && SqliteWalCheckpoint.WalPath(database.ConnectionString) is not null)
        {
            services.AddHostedService(sp => new SqliteWalCheckpoint(database, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<SqliteWalCheckpoint>>()));
        }

        return services;
    }
}
