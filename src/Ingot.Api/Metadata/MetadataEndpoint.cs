using Ingot.Api.Dispatch;
using Ingot.Api.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingot.Api.Metadata;

/// <summary>
/// Everything under <c>/MAAS/metadata/</c> (<c>src/metadataserver/urls.py</c>): the status webhook,
/// the anonymous preseeds, then the versioned tree, where the machine is the one whose token signed
/// the request (anonymous callers get the enlistment answers). Refusals render as the REST API's do.
/// </summary>
internal static partial class MetadataEndpoint
{
    public static async Task HandleAsync(HttpContext http)
    {
        CancellationToken ct = http.RequestAborted;
        ApiResult result;
        try
        {
            result = await DispatchAsync(http, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            result = ApiErrors.Render(e);
            if (result.Status >= StatusCodes.Status500InternalServerError && e is not ApiException)
            {
                Failed(http.RequestServices.GetRequiredService<ILogger<MetadataRequest>>(), http.Request.Method, http.Request.Path, e);
            }
        }

        await result.WriteAsync(http.Response, ct);
    }

    private static async Task<ApiResult> DispatchAsync(HttpContext http, CancellationToken ct)
    {
        MetadataPath path = MetadataPath.Parse(http.Request.Path.Value ?? "");
        if (!path.Enlist && !path.Curtin && path.Version == "status")
        {
            return await StatusWebhook.HandleAsync(http, path.Rest.Count == 1 ? path.Rest[0] : "", ct);
        }

        var query = new ApiParameters(http.Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        ApiBody body = await ApiBody.ReadAsync(http.Request, http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes, ct);
        var request = new MetadataRequest(http, path, query, body);

        if (path.Version is null)
        {
            // The root: a machine sees the versions; nobody else may.
            (await request.CallerAsync(ct)).RequireMachine();
            return MetadataText.List(MetadataPath.Versions);
        }

        if (!MetadataPath.Versions.Contains(path.Version))
        {
            throw new ApiException(StatusCodes.Status404NotFound, $"Unknown metadata version: {path.Version}");
        }

        return path.Rest switch
        {
            [] => await VersionIndex.HandleAsync(request, ct),
            ["meta-data", ..] => await MetaDataItems.HandleAsync(request, path.Rest.Count > 1 ? path.Rest[1] : null, ct),
            ["user-data", ..] => await UserData.HandleAsync(request, ct),
            ["maas-scripts", ..] => await MaasScripts.HandleAsync(request, ct),
            ["by-id", string systemId, ..] => await ByIdPreseed.HandleAsync(request, systemId, ct),
            ["enlist-preseed", ..] => ByIdPreseed.Enlist(request),
            ["by-mac", ..] => throw ApiException.Forbidden("Unauthenticated metadata access is not allowed on this MAAS."),
            _ => await VersionIndex.HandleAsync(request, ct),
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Metadata request {Method} {Path} failed")]
    private static partial void Failed(ILogger logger, string method, string path, Exception exception);
}
