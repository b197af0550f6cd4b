using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ingot.Sim.Ephemeral;

/// <summary>
/// The metadata API as the in-image helpers call it: OAuth 1.0a PLAINTEXT with the machine's token
/// (<c>consumer:token:secret</c>; anonymous without one), <c>signal</c> as
/// <c>maas_api_helper.signal()</c> encodes it (multipart, <c>op=signal</c> in the body, files by
/// name and suffix), and the cloud-init/curtin status webhook.
/// </summary>
public sealed class MetadataClient(HttpClient http, string metadataUrl, string? credentials, TimeProvider time, RegionRetry? retry = null)
{
    private const string Boundary = "----------------ingot-sim-5f0c2a";
    private readonly RegionRetry _retry = retry ?? RegionRetry.Default;

    public string MetadataUrl => metadataUrl;

    public string? Credentials => credentials;

    public MetadataClient WithCredentials(string newCredentials, string? newMetadataUrl = null) =>
        new(http, newMetadataUrl ?? metadataUrl, newCredentials, time, _retry);

    /// <summary>GET <c>metadata_url + path</c>; the status and body.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string path, CancellationToken ct)
    {
        using HttpResponseMessage response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Resolve(path)), ct);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
    }

    /// <summary>GET an absolute URL (signed when there are credentials); the body of a success, else throws.</summary>
    public async Task<string> GetStringAsync(string url, CancellationToken ct)
    {
        using HttpResponseMessage response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), ct);
        string body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? body : throw new HttpRequestException($"GET {url}: {(int)response.StatusCode} {body}", null, response.StatusCode);
    }

    /// <summary>A form POST to an absolute URL; the status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostFormAsync(string url, IEnumerable<(string Name, string Value)> fields, CancellationToken ct)
    {
        KeyValuePair<string, string>[] form = [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
        using HttpResponseMessage response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) }, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>POST <c>2012-03-01/</c> <c>op=signal</c>; throws unless Ingot answers 200.</summary>
    public async Task SignalAsync(string status, IEnumerable<(string Name, string Value)>? fields = null, IEnumerable<(string Name, byte[] Content)>? files = null, CancellationToken ct = default)
    {
        var body = new MemoryStream();
        void Line(string text) => body.Write(Encoding.UTF8.GetBytes(text + "\r\n"));
        foreach ((string name, string value) in new[] { ("op", "signal"), ("status", status) }.Concat(fields ?? []))
        {
            Line("--" + Boundary);
            Line($"Content-Disposition: form-data; name=\"{name}\"");
            Line("");
            Line(value);
        }

        foreach ((string name, byte[] content) in files ?? [])
        {
            Line("--" + Boundary);
            Line($"Content-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"");
            Line("Content-Type: application/octet-stream");
            Line("");
            body.Write(content);
            Line("");
        }

        Line("--" + Boundary + "--");
        byte[] bytes = body.ToArray();
        using HttpResponseMessage response = await SendAsync(
            () =>
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
                return new HttpRequestMessage(HttpMethod.Post, Resolve("2012-03-01/")) { Content = content };
            },
            ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"signal {status}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}", null, response.StatusCode);
        }
    }

    /// <summary>
    /// A cloud-init/curtin reporting event to the status webhook (Ingot answers 204). Best effort, as
    /// cloud-init's reporting is: a refused event is logged by the caller's report, not fatal.
    /// </summary>
    public async Task<bool> ReportAsync(string endpoint, string origin, string eventType, string name, string description, string? result, CancellationToken ct)
    {
        var message = new JsonObject
        {
            ["event_type"] = eventType,
            ["origin"] = origin,
            ["name"] = name,
            ["description"] = description,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0,
        };
        if (result is not null)
        {
            message["result"] = result;
        }

        string json = message.ToJsonString();
        using HttpResponseMessage response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, Encoding.ASCII, "application/json") },
            ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>
    /// Sends a signed request, again while the region is unavailable (<see cref="RegionRetry"/>: a 5xx, a
    /// refused or broken connection — a region died; the next connection goes to another one — or a
    /// timeout, honouring a 503's Retry-After, for up to two minutes of waiting), each time signed with a new
    /// nonce. The last answer is returned (a 4xx at once); when no answer came, the last failure is thrown.
    /// A 409 is an answer: Ingot applies a request that lost a race with another writer itself.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, CancellationToken ct)
    {
        TimeSpan waited = TimeSpan.Zero;
        for (int attempt = 1; ; attempt++)
        {
            using HttpRequestMessage request = make();
            Sign(request);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception e) when (e is HttpRequestException { StatusCode: null } or TaskCanceledException && !ct.IsCancellationRequested
                && _retry.NextWait(attempt, waited, null, null, time.GetUtcNow()) is { } pause)
            {
                await Task.Delay(pause, time, ct);
                waited += pause;
                continue;
            }

            if (_retry.NextWait(attempt, waited, response.StatusCode, response.Headers.RetryAfter, time.GetUtcNow()) is not { } wait)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(wait, time, ct);
            waited += wait;
        }
    }

    private Uri Resolve(string path) => new(new Uri(metadataUrl), path);

    private void Sign(HttpRequestMessage request)
    {
        if (credentials?.Split(':') is not [string consumer, string token, string secret])
        {
            return;
        }

        string nonce = Guid.NewGuid().ToString("N");
        string timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"OAuth realm=\"\", oauth_version=\"1.0\", oauth_signature_method=\"PLAINTEXT\", oauth_consumer_key=\"{consumer}\", " +
            $"oauth_token=\"{token}\", oauth_signature=\"&{secret}\", oauth_nonce=\"{nonce}\", oauth_timestamp=\"{timestamp}\"");
    }
}
