using Ingot.Api.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.OpenApi;

/// <summary>
/// <c>GET /MAAS/api/2.0/openapi.json</c>: the OpenAPI 3 document of every registered resource,
/// anonymous, <c>application/json</c>. Built once from the resource table (it cannot change while running).
/// </summary>
public static class OpenApiEndpoint
{
    public const string Path = ApiPaths.Prefix + "openapi.json";

    public static Task HandleAsync(HttpContext http)
    {
        byte[] body = http.RequestServices.GetRequiredService<OpenApiCache>().Body;
        return ApiResult.Bytes(StatusCodes.Status200OK, "application/json", body).WriteAsync(http.Response, http.RequestAborted);
    }

}
