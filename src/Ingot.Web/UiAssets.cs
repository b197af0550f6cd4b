using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.Logging;

namespace Ingot.Web;

/// <summary>
/// Serves the Blazor script (<c>_framework/blazor.web.js</c>), a static web asset of the host project
/// (<c>RequiresAspNetWebAssets</c> in src/Ingot). Its manifests are named after the application:
/// <c>ingot.staticwebassets.*.json</c> for <c>ingot serve</c>. A process whose entry assembly has
/// another name (a test host, a benchmark) finds its own manifests if it is a Web SDK project, else
/// falls back to <c>ingot</c>'s, which the build copies beside every project that references src/Ingot.
/// Without either, the pages still render but stay static, and a warning says so.
/// </summary>
internal static partial class UiAssets
{
    private const string HostApplication = "ingot";

    public static void Map(WebApplication app)
    {
        string? name = new[] { app.Environment.ApplicationName, HostApplication }
            .FirstOrDefault(n => File.Exists(Manifest(n, "endpoints")));
        if (name is null)
        {
            LogNoManifest(app.Logger, Manifest(HostApplication, "endpoints"));
            return;
        }

        // A build (not a publish) keeps the framework's assets in the NuGet cache: the runtime
        // manifest says where. Published output has them in wwwroot and no runtime manifest.
        string runtime = Manifest(name, "runtime");
        if (File.Exists(runtime))
        {
            app.Configuration[WebHostDefaults.StaticWebAssetsKey] = runtime;
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.MapStaticAssets(Manifest(name, "endpoints"));
    }

    private static string Manifest(string application, string kind) =>
        Path.Combine(AppContext.BaseDirectory, $"{application}.staticwebassets.{kind}.json");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web UI's script manifest {Path} is missing: the UI's pages will not be interactive")]
    private static partial void LogNoManifest(ILogger logger, string path);
}
