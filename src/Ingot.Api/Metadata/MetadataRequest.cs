using Ingot.Api.Dispatch;
using Ingot.Api.OAuth;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Metadata;

/// <summary>One metadata request: path, parameters, body and (once asked for) the calling machine.</summary>
internal sealed class MetadataRequest(HttpContext http, MetadataPath path, ApiParameters query, ApiBody body)
{
    private MetadataCaller? _caller;

    public HttpContext Http => http;

    public MetadataPath Path => path;

    public ApiParameters Query => query;

    public ApiParameters Form => body.Form;

    public IReadOnlyList<ApiFile> Files => body.Files;

    public string Method => http.Request.Method;

    /// <summary><c>op</c> from the query string or the body; empty is none.</summary>
    public string? Op => NonEmpty(query.Get("op")) ?? NonEmpty(body.Form.Get("op"));

    /// <summary>Where the machine reached Ingot (MAAS's rack URL for this machine), without a trailing slash.</summary>
    public string BaseUrl => $"{http.Request.Scheme}://{http.Request.Host}";

    public IServiceProvider Services => http.RequestServices;

    public T Service<T>()
        where T : notnull => http.RequestServices.GetRequiredService<T>();

    /// <summary>
    /// The caller: anonymous without OAuth parameters (or on the <c>enlist/</c> paths); otherwise the
    /// machine whose token signed the request (401 for a bad signature or unknown token, 403 for a
    /// token that is no machine's).
    /// </summary>
    public async Task<MetadataCaller> CallerAsync(CancellationToken ct)
    {
        if (_caller is not null)
        {
            return _caller;
        }

        if (path.Enlist || OAuthCredentials.From(http.Request, query, body.Form) is not { } credentials)
        {
            return _caller = MetadataCaller.Anonymous;
        }

        MachineToken token = await Service<OAuthVerifier>().VerifyMachineAsync(credentials, ct);
        Machine machine = await Service<IMachineStore>().FindAsync(token.SystemId, ct)
            ?? throw ApiException.Forbidden("Not authenticated as a known node.");
        return _caller = new MetadataCaller(token, machine);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
