using Ingot.Api;
using Ingot.BootResources;
using Ingot.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ingot.Hosting;

/// <summary>
/// The web host that <c>ingot serve</c> runs: Ingot's state, the REST API 2.0, the web UI and the status monitor.
/// Tests build the same host on a loopback port with their own database.
/// </summary>
public static class IngotWebHost
{
    /// <summary>
    /// The slowest request body Ingot takes: Kestrel's 240 bytes/s, but checked only after 60 s instead of 5 s.
    /// Kestrel's default refused two script results of the 10,000-machine storm with "408 Reading the request body
    /// timed out due to data arriving too slowly": at that load a body of a few kilobytes waits seconds for a pool
    /// thread to read it (thread-pool starvation makes false positives of the rate check, as Kestrel's maintainers
    /// note), so the region refused requests its own slowness delayed. A minute before the check still ends a client
    /// that stops sending.
    /// </summary>
    public static MinDataRate RequestBodyRate { get; } = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(60));

    /// <summary>
    /// A host listening on <paramref name="urls"/> (not started, schema not migrated yet);
    /// <paramref name="configure"/> runs after Ingot's own registrations (a test may replace the clock).
    /// </summary>
    public static WebApplication Build(DataLocation location, string urls, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MinRequestBodyDataRate = RequestBodyRate;
            k.Limits.MaxConcurrentConnections = ConnectionBudget.ForThisProcess();
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        IngotState.AddServices(builder.Services, location);
        builder.Services.AddIngotApi();
        builder.Services.AddIngotWeb();
        builder.Services.AddHostedService<RegionLockService>();
        builder.Services.AddHostedService<StatusMonitorService>();
        builder.Services.AddHostedService<ScriptTimeoutService>();
        builder.Services.AddHostedService<NoncePruningService>();
        BootHosting.AddBootServices(builder.Services);
        builder.Services.AddHostedService<BootResourceImportService>();
        configure?.Invoke(builder.Services);
        builder.Services.AddIngotDhcp();

        WebApplication app = builder.Build();
        app.MapIngotApi();
        app.MapIngotWeb();
        BootHosting.MapBootServices(app);
        return app;
    }
}
