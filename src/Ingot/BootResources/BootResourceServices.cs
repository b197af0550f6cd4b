using Ingot.Core.Boot;
using Ingot.Core.BootResources;
using Ingot.Hosting;

namespace Ingot.BootResources;

/// <summary>Registers boot resources: the content store under the data directory, the operations, the import and its ports, and <see cref="IBootImageCatalog"/>.</summary>
public static class BootResourceServices
{
    /// <summary>Where boot resource content lives under the data directory.</summary>
    public const string Directory = "boot-resources";

    public static IServiceCollection AddBootResources(this IServiceCollection services, DataLocation location)
    {
        services.AddSingleton(new BootResourceImportOptions());
        services.AddSingleton<IBootResourceContent>(new DiskBootResourceContent(Path.Combine(location.DataDirectory, Directory)));
        services.AddSingleton<BootResourceOperations>();
        services.AddSingleton<BootSourceOperations>();
        services.AddSingleton<IBootImageCatalog, BootImageCatalog>();
        services.AddSingleton<IStreamSignature, GpgvStreamSignature>();
        services.AddSingleton<IBootSourceMirror>(s =>
        {
            BootResourceImportOptions options = s.GetRequiredService<BootResourceImportOptions>();
            var handler = new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            return new BootSourceMirror(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, options);
        });
        services.AddTransient<BootResourceImport>();
        services.AddSingleton(s => new BootResourceImports(s.GetRequiredService<BootResourceImport>));
        return services;
    }
}
