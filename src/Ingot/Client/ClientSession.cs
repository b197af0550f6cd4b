namespace Ingot.Client;

/// <summary>An HTTP client for a profile: OAuth-signed when it has a key, bounded in time.</summary>
public static class ClientSession
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    public static HttpClient For(string? apiKey, TimeProvider time) =>
        new(apiKey is null ? new SocketsHttpHandler() : new OAuthPlaintext(apiKey, time)) { Timeout = RequestTimeout };
}
