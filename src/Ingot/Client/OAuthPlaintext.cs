using System.Globalization;
using System.Security.Cryptography;

namespace Ingot.Client;

/// <summary>
/// Signs requests with a MAAS API key (<c>consumer:token:secret</c>) as MAAS's clients do: OAuth 1.0a
/// PLAINTEXT, signature <c>&amp;secret</c> escaped, a fresh nonce and the current time on each request.
/// </summary>
public sealed class OAuthPlaintext(string apiKey, TimeProvider time) : DelegatingHandler(new SocketsHttpHandler())
{
    public static bool IsApiKey(string text) => text.Split(':') is [{ Length: > 0 }, { Length: > 0 }, { Length: > 0 }];

    public string Header()
    {
        string[] parts = apiKey.Split(':');
        string nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"OAuth oauth_nonce=\"{nonce}\", oauth_timestamp=\"{timestamp}\", oauth_version=\"1.0\", " +
            $"oauth_signature_method=\"PLAINTEXT\", oauth_consumer_key=\"{Uri.EscapeDataString(parts[0])}\", " +
            $"oauth_token=\"{Uri.EscapeDataString(parts[1])}\", oauth_signature=\"{Uri.EscapeDataString("&" + parts[2])}\"";
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", Header());
        return base.SendAsync(request, cancellationToken);
    }
}
