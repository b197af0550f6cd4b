using Ingot.Core.BootResources;
using Ingot.Core.Changes;
using Ingot.Core.Networks;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Core.Zones;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web;

/// <summary>
/// Wraps the registered zone, pool, tag, user, network, boot-resource and settings stores so that every write
/// is published on the <see cref="InventoryChangeFeed"/> (the pages of those objects listen to it, as
/// the machine pages listen to the machine change feed). A store that is not registered is left out.
/// </summary>
internal static class InventoryStores
{
    public static void Decorate(IServiceCollection services)
    {
        services.AddSingleton<InventoryChangeFeed>();
        Wrap<IZoneStore>(services, (inner, feed) => new NotifyingZoneStore(inner, feed));
        Wrap<IResourcePoolStore>(services, (inner, feed) => new NotifyingResourcePoolStore(inner, feed));
        Wrap<ITagStore>(services, (inner, feed) => new NotifyingTagStore(inner, feed));
        Wrap<IUserStore>(services, (inner, feed) => new NotifyingUserStore(inner, feed));
        Wrap<INetworkStore>(services, (inner, feed) => new NotifyingNetworkStore(inner, feed));
        Wrap<IBootResourceStore>(services, (inner, feed) => new NotifyingBootResourceStore(inner, feed));
        Wrap<Core.Config.IConfigStore>(services, (inner, feed) => new NotifyingConfigStore(inner, feed));
    }

    private static void Wrap<TStore>(IServiceCollection services, Func<TStore, InventoryChangeFeed, TStore> wrap)
        where TStore : class
    {
        ServiceDescriptor? registered = services.LastOrDefault(d => d.ServiceType == typeof(TStore));
        if (registered is null || registered.IsKeyedService)
        {
            return;
        }

        services.Remove(registered);
        services.Add(new ServiceDescriptor(
            typeof(TStore),
            provider => wrap(
                (TStore)(registered.ImplementationInstance
                    ?? registered.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
                provider.GetRequiredService<InventoryChangeFeed>()),
            registered.Lifetime));
    }
}
