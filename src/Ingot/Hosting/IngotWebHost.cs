using Ingot.Api;
using Ingot.BootResources;
using Ingot.Web;

namespace Ingot.Hosting;

/// <summary>
/// The web host that <c>ingot serve</c> runs: Ingot's state, the REST API 2.0, the web UI and the status monitor.
/// Tests build the same host on a loopback port with their own database.
/// </summary>
public static class IngotWebHost
{
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
