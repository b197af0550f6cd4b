using Ingot.Boot.Tftp;
using Ingot.Core.Boot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingot.Boot.HttpBoot;

/// <summary>Registrations HTTP boot needs besides its ports (<see cref="IBootBackend"/>, <see cref="IBootImageCatalog"/>).</summary>
public static class HttpBootServiceCollectionExtensions
{
    /// <summary>MAAS's defaults for what machines boot, unless something registered its own.</summary>
    public static IServiceCollection AddHttpBoot(this IServiceCollection services)
    {
        services.TryAddSingleton<IBootDefaultsSource>(new FixedBootDefaults(BootDefaults.Maas));
        services.TryAddSingleton(_ => FirstStageFiles.OnThisHost());
        return services;
    }
}
