using System.Globalization;
using System.Security.Cryptography;

namespace Ingot.Api.Tests.Infrastructure;

/// <summary>
/// Signs requests with a MAAS API key as the real clients do: OAuth 1.0a PLAINTEXT, signature
/// <c>%26&lt;token secret&gt;</c>, a fresh nonce and the current timestamp on every request.
/// <see cref="Header"/> builds one header by hand (the gomaasapi or the oauthlib shape) for tests
/// that need a particular nonce, timestamp or signature.
/// </summary>
public sealed class OAuthSigner(string apiKey) : DelegatingHandler(new HttpClientHandler())
{
    public static string Header(string apiKey, string? nonce = null, long? timestamp = null, string? signature = null, bool gomaasapi = false, string method = "PLAINTEXT")
    {
        string[] parts = apiKey.Split(':');
        string consumer = parts[0], token = parts[1], secret = parts[2];
        nonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string ts = (timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        signature ??= Uri.EscapeDataString("&" + secret);
        return gomaasapi
            // gomaasapi: realm first, values query-escaped, its own order.
            ? $"OAuth realm=\"MAAS+API\", oauth_signature=\"{signature}\", oauth_token=\"{token}\", oauth_version=\"1.0\", oauth_nonce=\"{nonce}\", oauth_signature_method=\"{method}\", oauth_consumer_key=\"{consumer}\", oauth_timestamp=\"{ts}\""
            // oauthlib (maas CLI, cloud-init): no realm.
            : $"OAuth oauth_nonce=\"{nonce}\", oauth_timestamp=\"{ts}\", oauth_version=\"1.0\", oauth_signature_method=\"{method}\", oauth_consumer_key=\"{consumer}\", oauth_token=\"{token}\", oauth_signature=\"{signature}\"";
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", Header(apiKey));
        return base.SendAsync(request, cancellationToken);
    }
}
