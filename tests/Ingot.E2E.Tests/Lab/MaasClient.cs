using System.Net.Http.Headers;
using System.Text.Json;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// The REST API 2.0 as an operator's client reaches it: OAuth 1.0a PLAINTEXT with an API key
/// (<c>consumer:token:secret</c>), form-encoded bodies, JSON answers. A request that does not succeed
/// fails with the status and body; a text answer comes back as a JSON string.
/// </summary>
internal sealed class MaasClient(Uri api, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(api, "/MAAS/api/2.0/"), Timeout = TimeSpan.FromSeconds(30) };
    private readonly string[] _key = apiKey.Trim().Split(':');

    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path, []);

    public Task<JsonElement> PostAsync(string path, params (string Name, string Value)[] fields) => SendAsync(HttpMethod.Post, path, fields);

    public Task<JsonElement> PutAsync(string path, params (string Name, string Value)[] fields) => SendAsync(HttpMethod.Put, path, fields);

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        }

        string nonce = Guid.NewGuid().ToString("N");
        long timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "OAuth",
            $"oauth_version=\"1.0\", oauth_signature_method=\"PLAINTEXT\", oauth_consumer_key=\"{_key[0]}\", oauth_token=\"{_key[1]}\", " +
            $"oauth_signature=\"&{_key[2]}\", oauth_nonce=\"{nonce}\", oauth_timestamp=\"{timestamp}\"");
        using HttpResponseMessage response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {body}");
        }

        // set_config answers "OK" as text/plain, as MAAS does.
        return response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonDocument.Parse(body).RootElement.Clone()
            : JsonSerializer.SerializeToElement(body);
    }
}
