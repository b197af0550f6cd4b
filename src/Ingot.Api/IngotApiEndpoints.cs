using Ingot.Api.Account;
using Ingot.Api.Dispatch;
using Ingot.Api.Metadata;
using Ingot.Api.OpenApi;
using Ingot.Api.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api;

/// <summary>
/// The API's URLs: <c>GET /MAAS/api/version/</c> (<c>2.0</c>), the gone 1.0 API (410), everything under
/// <c>/MAAS/api/2.0/</c> (the dispatcher; <c>openapi.json</c> beside it), <c>POST /MAAS/accounts/authenticate/</c>
/// and the metadata API under <c>/MAAS/metadata/</c>.
/// </summary>
public static class IngotApiEndpoints
{
    public static IEndpointRouteBuilder MapIngotApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/MAAS/api/version/", (HttpContext http) => Write(http, ApiResult.Bytes(StatusCodes.Status200OK, "text/plain", "2.0"u8.ToArray())));
        app.Map("/MAAS/api/1.0/{**rest}", (HttpContext http) => Write(http, ApiResult.Text("The 1.0 API is no longer available. Please use API version 2.0.", StatusCodes.Status410Gone)));
        app.MapGet(OpenApiEndpoint.Path, OpenApiEndpoint.HandleAsync);
        app.Map("/MAAS/api/2.0/{**rest}", (HttpContext http) => http.RequestServices.GetRequiredService<ApiDispatcher>().HandleAsync(http));
        app.Map("/MAAS/accounts/authenticate/", AuthenticateEndpoint.HandleAsync);
        app.Map("/MAAS/metadata", MetadataEndpoint.HandleAsync);
        app.Map("/MAAS/metadata/{**rest}", MetadataEndpoint.HandleAsync);
        app.Map(Registration.RegistrationEndpoint.PathPrefix + "{token}", Registration.RegistrationEndpoint.HandleAsync);
        return app;
    }

    private static Task Write(HttpContext http, ApiResult result) => result.WriteAsync(http.Response, http.RequestAborted);
}
