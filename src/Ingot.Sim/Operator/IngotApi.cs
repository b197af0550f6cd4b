using System.Globalization;
using System.Text.Json.Nodes;

namespace Ingot.Sim.Operator;

/// <summary>
/// The REST API 2.0 as an operator's script reaches it: OAuth 1.0a PLAINTEXT with an API key
/// (<c>consumer:token:secret</c>), form bodies, JSON (or text) answers. A request that does not
/// succeed throws with the status and body.
/// </summary>
public sealed class IngotApi(Uri baseUrl, string apiKey, TimeProvider time) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl, "/MAAS/api/2.0/"), Timeout = TimeSpan.FromSeconds(60) };
    private readonly string[] _key = apiKey.Trim().Split(':');

    public Uri BaseUrl => baseUrl;

    public Task<JsonNode?> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, [], ct);

    public Task<JsonNode?> PostAsync(string path, CancellationToken ct, params (string Name, string Value)[] fields) => SendAsync(HttpMethod.Post, path, fields, ct);

    public Task<JsonNode?> PutAsync(string path, CancellationToken ct, params (string Name, string Value)[] fields) => SendAsync(HttpMethod.Put, path, fields, ct);

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, (string Name, string Value)[] fields, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        }

        string nonce = Guid.NewGuid().ToString("N");
        string timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"OAuth oauth_version=\"1.0\", oauth_signature_method=\"PLAINTEXT\", oauth_consumer_key=\"{_key[0]}\", oauth_token=\"{_key[1]}\", " +
            $"oauth_signature=\"&{_key[2]}\", oauth_nonce=\"{nonce}\", oauth_timestamp=\"{timestamp}\"");
        using HttpResponseMessage response = await _http.SendAsync(request, ct);
        string body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new IngotApiException($"{method} {path} answered {(int)response.StatusCode}: {body}", (int)response.StatusCode);
        }

        return response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(body) : JsonValue.Create(body);
    }
}
