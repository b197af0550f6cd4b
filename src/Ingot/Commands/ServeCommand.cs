using Ingot.CommandLine;
using Ingot.Hosting;

namespace Ingot.Commands;

/// <summary><c>ingot serve</c>: migrates the schema, then runs the web host and the background jobs.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5240";

    public static async Task<int> RunAsync(ParsedCommand command, TextWriter stdout, CancellationToken ct)
    {
        var location = DataLocation.Resolve(command.Get("data-dir"), command.Get("database"));
        string urls = BootHosting.WithBootUrls(command.Get("urls") ?? DefaultUrls, command.Get("boot-urls"));
        foreach (string url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"ingot serve: --urls '{url}' is not an http(s) URL", command.Spec);
            }
        }

        await using WebApplication app = IngotWebHost.Build(location, urls, services => services.AddPowerExecution());
        await IngotState.MigrateAsync(app.Services, ct);

        await app.StartAsync(ct);
        await stdout.WriteLineAsync($"Ingot serving on {urls} (data {location.DataDirectory}, database {IngotState.Describe(location)})");
        await stdout.FlushAsync(ct);
        await app.WaitForShutdownAsync(ct);
        return IngotCommandLine.Ok;
    }
}
