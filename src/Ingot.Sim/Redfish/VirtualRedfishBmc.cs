using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingot.Sim.Redfish;

/// <summary>
/// A virtual Redfish BMC over HTTP (or HTTPS with <see cref="VirtualRedfishOptions.Certificate"/>): one Kestrel listener on a loopback port serving any number of
/// ComputerSystems (<c>/redfish/v1/Systems/{id}</c>). Many machines share one service the way blades
/// share a chassis BMC, each addressed by <c>node_id</c>; a thousand systems cost one socket and a
/// dictionary. More services (one per port) can run side by side for per-machine BMC addresses.
/// The listener only moves bytes; <see cref="RedfishResponder"/> decides every answer.
/// </summary>
public sealed class VirtualRedfishBmc : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RedfishResponder _responder;
    private Task? _answering;

    private VirtualRedfishBmc(WebApplication app, RedfishResponder responder, IReadOnlyDictionary<string, VirtualSystem> systems)
    {
        _app = app;
        _responder = responder;
        Systems = systems;
    }

    public IReadOnlyDictionary<string, VirtualSystem> Systems { get; }

    /// <summary>Where the service listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary><c>host:port</c>, as redfishtool's <c>-r</c> takes it.</summary>
    public string Authority => BaseAddress.Authority;

    public RedfishSessions Sessions => _responder.Sessions;

    public static async Task<VirtualRedfishBmc> StartAsync(VirtualRedfishOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<string> ids = options.SystemIds.Count > 0
            ? options.SystemIds
            : Enumerable.Range(1, options.SystemCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Dictionary<string, VirtualSystem> systems = ids.ToDictionary(
            id => id,
            id => new VirtualSystem(id) { Macs = options.Macs.TryGetValue(id, out IReadOnlyList<string>? macs) ? macs : [] },
            StringComparer.Ordinal);
        var responder = new RedfishResponder(options.UserName, options.Password, systems);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.Certificate is { } certificate)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.Listen(options.Address, options.Port, l => l.UseHttps(certificate)));
        }
        else
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(options.Address, options.Port));
        }

        WebApplication app = builder.Build();
        var bmc = new VirtualRedfishBmc(app, responder, systems) { _answering = options.Answering };
        app.Run(bmc.HandleAsync);
        await app.StartAsync(ct);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        bmc.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return bmc;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (_answering is { } answering)
        {
            await answering.WaitAsync(context.RequestAborted);
        }

        HttpRequest http = context.Request;
        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up waiting (Ingot's driver stops after RedfishOptions.RequestTimeout) and will ask again.
            // A real BMC reads a request as it comes, long before that; this one shares its process with the
            // simulated machines and can read it minutes late under a storm. Carrying out such a stale reset after
            // the client's later ones would switch a machine off under its running script, which no real BMC does.
            return;
        }

        RedfishResponse response = _responder.Respond(new RedfishRequest(
            http.Method, http.Path.Value ?? "/", http.Headers.Authorization.FirstOrDefault(), http.Headers["X-Auth-Token"].FirstOrDefault(),
            http.Headers.IfMatch.FirstOrDefault(), body));
        context.Response.StatusCode = response.Status;
        context.Response.Headers["OData-Version"] = "4.0";
        foreach ((string name, string value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            if (http.Method != "HEAD")
            {
                await context.Response.WriteAsync(response.Body.ToJsonString(), context.RequestAborted);
            }
        }
    }
}
