using System.Text;
using Ingot.Api.OAuth;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingot.Api.Dispatch;

/// <summary>
/// Serves everything under <c>/MAAS/api/2.0/</c> as MAAS's <c>OperationsResource</c> does: find the
/// resource (404 <c>Unknown API endpoint</c> otherwise, including paths without their trailing slash),
/// read the body, authenticate (OAuth when the request carries a complete set of parameters,
/// anonymous otherwise), pick the auth or anonymous handler, check the method (405), dispatch on
/// (method, op) with <c>op</c> from the query string or the body (empty = none; else 400
/// <c>Unrecognised signature</c>), and render refusals through <see cref="ApiErrors"/>. An op whose save
/// lost a machine's compare-and-set to another writer (the power executor recording a claim or a result, a
/// status message, another request) runs again from its reads, as MAAS's <c>WebApplicationHandler</c> runs
/// a request again after a serialisation failure: the caller gets the op decided on the machine as it now
/// is, not a 409 for a race it could not see (<see cref="ConflictRetry"/>).
/// </summary>
internal sealed partial class ApiDispatcher(
    ApiResourceTable table, OAuthVerifier verifier, IOptions<ApiOptions> options, TimeProvider time, ILogger<ApiDispatcher> logger)
{
    public const string HashHeader = "X-MAAS-API-Hash";

    /// <summary>piston's <c>rc.FORBIDDEN</c>, which MAAS sends with status 401 to unauthenticated callers.</summary>
    public const string ChallengeBody = "Forbidden";

    public async Task HandleAsync(HttpContext http)
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
                Failed(logger, http.Request.Method, http.Request.Path, e);
            }
        }

        await result.WriteAsync(http.Response, ct);
    }

    private async Task<ApiResult> DispatchAsync(HttpContext http, CancellationToken ct)
    {
        string path = http.Request.Path.Value ?? "";
        string relative = path.StartsWith(ApiPaths.Prefix, StringComparison.Ordinal) ? path[ApiPaths.Prefix.Length..] : "\0";
        if (relative == "describe/")
        {
            return Describe(http.Request);
        }

        if (table.Match(relative) is not var (resource, route))
        {
            throw new ApiException(StatusCodes.Status404NotFound, $"Unknown API endpoint: {path}.");
        }

        var query = new ApiParameters(http.Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        ApiBody body = await ApiBody.ReadAsync(http.Request, options.Value.MaxBodyBytes, ct);

        User? user = null;
        if (resource.Authenticates && OAuthCredentials.From(http.Request, query, body.Form) is { } credentials)
        {
            user = await verifier.VerifyAsync(credentials, ct);
            if (!user.IsActive)
            {
                throw ApiException.Forbidden("User is not allowed access to this API.");
            }
        }

        string method = http.Request.Method;
        ApiHandler handler = ChooseHandler(resource, user, method);
        if (!handler.Methods.Contains(method))
        {
            throw new ApiException(
                StatusCodes.Status405MethodNotAllowed,
                "Method Not Allowed",
                new Dictionary<string, string> { ["Allow"] = string.Join(", ", handler.Methods) });
        }

        string? op = NonEmpty(query.Get("op")) ?? NonEmpty(body.Form.Get("op"));
        ApiAction action = handler.Find(method, op)
            ?? throw ApiException.BadRequest($"Unrecognised signature: method={method} op={op ?? "None"}");
        var request = new ApiRequest(http, user, op, query, body.Form, body.Files, route);
        ApiResult result = await ConflictRetry.RunAsync(c => action.Operation(request, c), time, ct);
        return result.WithHeader(HashHeader, table.Hash);
    }

    private static ApiHandler ChooseHandler(ApiResource resource, User? user, string method)
    {
        if (!resource.Authenticates || user is not null)
        {
            return (resource.Auth ?? resource.Anon)!;
        }

        // piston: anonymous callers get the anonymous handler when it allows the method, else the challenge.
        return resource.Anon is { } anon && anon.Methods.Contains(method)
            ? anon
            : throw ApiException.Unauthorized(ChallengeBody);
    }

    private ApiResult Describe(HttpRequest request)
    {
        string origin = $"{request.Scheme}://{request.Host}";
        string json = ApiDescription.Build(table.Resources, table.Hash, origin).ToJsonString();
        return ApiResult.Bytes(StatusCodes.Status200OK, "application/json", Encoding.UTF8.GetBytes(json));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    private static partial void Failed(ILogger logger, string method, string path, Exception exception);
}
