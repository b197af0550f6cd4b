using Ingot.Core.Machines;
using Ingot.Core.Machines.Changes;
using Ingot.Web.Components;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web;

/// <summary>
/// The web UI (Blazor, interactive server rendering) under <c>/MAAS/r/</c>: what the composition root
/// calls to register it (<see cref="AddIngotWeb"/>, after Ingot's state and the API) and to map it
/// (<see cref="MapIngotWeb"/>).
/// </summary>
public static class IngotWebUi
{
    /// <summary>
    /// Blazor with interactive server components, the session cookie, the UI's services, and the
    /// machine change feed: the registered <see cref="IMachineStore"/> is wrapped so that every write
    /// is published in this process (the list and details pages listen to it).
    /// </summary>
    public static IServiceCollection AddIngotWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAuthentication(UiCookie.Scheme).AddCookie(UiCookie.Scheme, UiCookie.Configure);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<UiSession>();
        services.AddSingleton<MachineListing>();
        services.AddScoped<MachineActionRunner>();
        services.AddScoped<MachineCloneRunner>();
        services.AddScoped<StorageEdits>();
        services.AddSingleton<ChassisJobs>();
        DecorateMachineStore(services);
        InventoryStores.Decorate(services);
        return services;
    }

    /// <summary>
    /// Maps the UI's pages, the Blazor script and circuit hub, the stylesheet, logout, and the
    /// redirects of <c>/</c> and <c>/MAAS/</c> to <c>/MAAS/r/</c>; adds the antiforgery middleware the
    /// login and logout forms need. The Blazor script: <see cref="UiAssets"/>.
    /// </summary>
    public static WebApplication MapIngotWeb(this WebApplication app)
    {
        app.UseAntiforgery();
        UiAssets.Map(app);
        app.MapGet("/", () => Results.Redirect(WebUiPaths.Root));
        app.MapGet("/MAAS/", () => Results.Redirect(WebUiPaths.Root));
        app.MapGet(WebUiPaths.Stylesheet, () => Results.Text(UiStylesheet.Text, "text/css; charset=utf-8"));
        app.MapPost(WebUiPaths.Logout, async (HttpContext http, [FromForm] string? next) =>
        {
            await UiCookie.SignOutAsync(http);
            return Results.LocalRedirect(WebUiPaths.Login);
        });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static void DecorateMachineStore(IServiceCollection services)
    {
        ServiceDescriptor? registered = services.LastOrDefault(d => d.ServiceType == typeof(IMachineStore));
        if (registered is null || registered.Lifetime != ServiceLifetime.Singleton)
        {
            throw new InvalidOperationException("AddIngotWeb needs a singleton IMachineStore registered first.");
        }

        services.AddSingleton<MachineChangeFeed>();
        services.Remove(registered);
        services.AddSingleton<IMachineStore>(provider => new NotifyingMachineStore(
            (IMachineStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            provider.GetRequiredService<MachineChangeFeed>()));
    }
}
