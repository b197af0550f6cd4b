using Ingot.Api.Dispatch;
using Ingot.Api.OAuth;
using Ingot.Api.OpenApi;
using Ingot.Api.Wire;
using Ingot.Core.Config;
using Ingot.Core.Domains;
using Ingot.Core.Inventory;
using Ingot.Core.Metadata;
using Ingot.Core.Networks;
using Ingot.Core.ResourcePools;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Core.Zones;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingot.Api;

/// <summary>What the composition root calls to serve the REST API 2.0 (then <see cref="IngotApiEndpoints.MapIngotApi"/>).</summary>
public static class IngotApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dispatcher, OAuth verification, the Core operations the resources call
    /// (<see cref="UserAccounts"/>, zones, pools, domains, tags, SSH keys, settings, the network model and interface links), the OpenAPI document and every
    /// resource of <see cref="ApiCatalog.Resources"/>. Needs Core's stores, an <see cref="INonceLedger"/>
    /// shared by every region (the database's) and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddIngotApi(this IServiceCollection services, Action<ApiOptions>? configure = null)
    {
        services.AddOptions<ApiOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<UserAccounts>();
        services.TryAddSingleton<SshKeyOperations>();
        services.TryAddSingleton<ZoneOperations>();
        services.TryAddSingleton<ResourcePoolOperations>();
        services.TryAddSingleton<DomainOperations>();
        services.TryAddSingleton<TagEvaluation>();
        services.TryAddSingleton<TagOperations>();
        services.TryAddSingleton<CommissioningInventory>();
        services.TryAddSingleton<TagMembership>();
        services.TryAddSingleton<ConfigSettings>();
        services.TryAddSingleton<NetworkModelVersion>();
        services.TryAddSingleton<NetworkOperations>();
        services.TryAddSingleton<InterfaceLinking>();
        services.TryAddSingleton<InterfaceEditing>();
        services.TryAddSingleton<Core.Storage.StorageEditing>();
        services.TryAddSingleton<Core.Machines.Actions.ConfigurationRestore>();
        services.TryAddSingleton<AutoAddresses>();
        services.TryAddSingleton<MachineSignals>();
        services.TryAddSingleton<ScriptCatalog>();
        services.TryAddSingleton<ScriptOperations>();
        services.TryAddSingleton<StatusMessages>();
        services.AddSingleton<OpenApiCache>();
        services.TryAddSingleton<Machines.MachineListCache>();
        services.AddSingleton<Machines.MachineListWarmup>().AddHostedService(sp => sp.GetRequiredService<Machines.MachineListWarmup>());
        services.AddSingleton<OAuthVerifier>();
        services.AddSingleton<ApiResourceTable>();
        services.AddSingleton<ApiDispatcher>();
        foreach (ApiResource resource in ApiCatalog.Resources)
        {
            services.AddApiResource(resource);
        }

        return services;
    }

    /// <summary>Adds one resource to the API (and to <c>describe/</c>).</summary>
    public static IServiceCollection AddApiResource(this IServiceCollection services, ApiResource resource) =>
        services.AddSingleton(resource);
}
