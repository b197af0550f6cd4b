using Ingot.Api.Wire;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.OAuth;

/// <summary>
/// The OAuth 1.0a parameters of a request, gathered as piston does: from the form body, the query
/// string and the <c>Authorization: OAuth …</c> header (the header wins). The header is split on
/// commas, any part containing <c>realm</c> is skipped, each value is unquoted and percent-decoded
/// (so <c>oauth_signature="%26secret"</c> and <c>"&amp;secret"</c> are the same), in any order.
/// </summary>
internal sealed class OAuthCredentials
{
    public const string ConsumerKey = "oauth_consumer_key";
    public const string Token = "oauth_token";
    public const string Signature = "oauth_signature";
    public const string SignatureMethod = "oauth_signature_method";
    public const string Timestamp = "oauth_timestamp";
    public const string Nonce = "oauth_nonce";
    public const string Version = "oauth_version";

    private static readonly string[] s_required = [ConsumerKey, Token, Signature, SignatureMethod, Timestamp, Nonce];

    private readonly Dictionary<string, string> _values;
    private readonly List<KeyValuePair<string, string>> _header;

    private OAuthCredentials(Dictionary<string, string> values, List<KeyValuePair<string, string>> header)
    {
        _values = values;
        _header = header;
    }

    /// <summary>The HMAC-SHA1 signature base string of the request (RFC 5849 §3.4.1), when built from one.</summary>
    public string? BaseString { get; private init; }

    public string this[string name] => _values[name];

    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>
    /// The request's complete set of OAuth parameters, or null when it has none or an incomplete set
    /// (the request is then anonymous). An <c>OAuth</c> header that cannot be split is a 401.
    /// </summary>
    /// <summary>
    /// <see cref="From(string?, ApiParameters, ApiParameters)"/> with the request's signature base
    /// string: method, base URI, the query parameters, the body's when it is form-urlencoded, and the
    /// header's OAuth parameters, <c>oauth_signature</c> left out.
    /// </summary>
    public static OAuthCredentials? From(HttpRequest request, ApiParameters query, ApiParameters form)
    {
        if (From(request.Headers.Authorization, query, form) is not { } credentials)
        {
            return null;
        }

        bool urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        IEnumerable<KeyValuePair<string, string>> parameters = Pairs(query)
            .Concat(urlEncoded ? Pairs(form) : [])
            .Concat(credentials._header)
            .Where(p => p.Key != Signature);
        string uri = HmacSha1Signature.BaseUri(request.Scheme, request.Host.Host, request.Host.Port, request.PathBase + request.Path);
        return new OAuthCredentials(credentials._values, credentials._header)
        {
            BaseString = HmacSha1Signature.BaseString(request.Method, uri, parameters),
        };
    }

    public static OAuthCredentials? From(string? authorization, ApiParameters query, ApiParameters form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ApiParameters source in (ApiParameters[])[form, query])
        {
            foreach (string key in source.Keys.Where(k => k.StartsWith("oauth_", StringComparison.Ordinal)))
            {
                values[key] = source.Get(key)!;
            }
        }

        List<KeyValuePair<string, string>> header = [];
        if (authorization is not null && authorization.StartsWith("OAuth ", StringComparison.Ordinal))
        {
            header = SplitHeader(authorization["OAuth ".Length..]);
            foreach ((string key, string value) in header)
            {
                values[key] = value;
            }
        }

        return s_required.All(values.ContainsKey) ? new OAuthCredentials(values, header) : null;
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(ApiParameters parameters) =>
        parameters.Keys.SelectMany(k => parameters.GetAll(k).Select(v => KeyValuePair.Create(k, v)));

    private static List<KeyValuePair<string, string>> SplitHeader(string header)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string raw in header.Split(','))
        {
            if (raw.Contains("realm", StringComparison.Ordinal))
            {
                continue;
            }

            string part = raw.Trim();
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw OAuthFailure.Unauthorized("Unable to parse OAuth parameters from Authorization header.");
            }

            pairs.Add(new(part[..equals], Uri.UnescapeDataString(part[(equals + 1)..].Trim('"'))));
        }

        return pairs;
    }
}
