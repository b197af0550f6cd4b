using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Ingot.Api.OAuth;

/// <summary>
/// OAuth 1.0 <c>HMAC-SHA1</c> (RFC 5849 §3.4.2): the signature base string from the request method,
/// the base string URI and the normalised parameters (§3.4.1), signed with the key
/// <c>consumer secret &amp; token secret</c>, both percent-encoded (§3.6), and base64-encoded. Pure.
/// </summary>
internal static class HmacSha1Signature
{
    public const string Method = "HMAC-SHA1";

    /// <summary>§3.4.1.2: scheme and host lower-cased, the port only when not the scheme's default, the path without query.</summary>
    public static string BaseUri(string scheme, string host, int? port, string path)
    {
        scheme = scheme.ToLowerInvariant();
        bool defaultPort = port is null || (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
        return $"{scheme}://{host.ToLowerInvariant()}{(defaultPort ? "" : $":{port}")}{(path.Length == 0 ? "/" : path)}";
    }

    /// <summary>
    /// §3.4.1.1 and §3.4.1.3: <c>METHOD&amp;uri&amp;parameters</c>, the parameters (query, form body and
    /// <c>Authorization</c> header ones, <c>oauth_signature</c> and <c>realm</c> left out by the caller)
    /// encoded, sorted by name then value and joined.
    /// </summary>
    public static string BaseString(string method, string baseUri, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        string normalised = string.Join('&', parameters
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        return $"{method.ToUpperInvariant()}&{Encode(baseUri)}&{Encode(normalised)}";
    }

    /// <summary>§3.4.2: base64 of HMAC-SHA1 over the base string with key <c>consumer secret&amp;token secret</c>.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "RFC 5849 defines this signature method with SHA-1; OAuth 1.0 clients sign with it.")]
    public static string Sign(string baseString, string consumerSecret, string tokenSecret)
    {
        byte[] key = Encoding.UTF8.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret)}");
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(baseString)));
    }

    /// <summary>§3.6: UTF-8, every byte but the unreserved characters as <c>%XX</c> (upper case).</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);
}
