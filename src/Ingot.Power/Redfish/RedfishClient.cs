using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingot.Power.Redfish;

/// <summary>
/// HTTP to Redfish services: JSON in and out, Basic or session (<c>X-Auth-Token</c>) authentication
/// with sessions reused per service and user, MAAS's error mapping (401/403 → auth error, other codes
/// ≥ 400 → "Redfish request failed with response status code: N.", a 404 retried once with a trailing
/// slash), unreachable or slow services → connection error.
/// </summary>
public sealed class RedfishClient(HttpClient http, RedfishAuthentication authentication)
{
    public const string SessionsPath = "/redfish/v1/SessionService/Sessions";
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public async Task<(JsonObject Body, string? ETag)> SendAsync(
        RedfishEndpoint endpoint, HttpMethod method, string path, JsonObject? body, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        bool retriedLogin = false;
        bool retriedSlash = false;
        while (true)
        {
            string? token = authentication == RedfishAuthentication.Session ? await TokenAsync(endpoint, ct) : null;
            using HttpRequestMessage request = Request(endpoint, method, path, body, ifMatch, token);
            using HttpResponseMessage response = await SendRawAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && !retriedLogin)
            {
                _tokens.TryRemove(endpoint.SessionKey, out _);
                retriedLogin = true;
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NotFound && !path.EndsWith('/') && !retriedSlash)
            {
                path += "/";
                retriedSlash = true;
                continue;
            }

            Check(response);
            string? etag = response.Headers.ETag?.ToString();
            return (await ReadJsonAsync(response, ct), etag);
        }
    }

    /// <summary>Forgets the session tokens kept so far; the next request logs in again.</summary>
    public void ForgetSessions() => _tokens.Clear();

    private async Task<string> TokenAsync(RedfishEndpoint endpoint, CancellationToken ct)
    {
        if (_tokens.TryGetValue(endpoint.SessionKey, out string? token))
        {
            return token;
        }

        var login = new JsonObject { ["UserName"] = endpoint.User, ["Password"] = endpoint.Password };
        using HttpRequestMessage request = Request(endpoint, HttpMethod.Post, SessionsPath, login, null, token: null, basic: false);
        using HttpResponseMessage response = await SendRawAsync(request, ct);
        Check(response);
        token = response.Headers.TryGetValues("X-Auth-Token", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new PowerException(PowerErrorKind.Action, "The Redfish service created a session without an X-Auth-Token.");
        }

        _tokens[endpoint.SessionKey] = token;
        return token;
    }

    private static HttpRequestMessage Request(
        RedfishEndpoint endpoint, HttpMethod method, string path, JsonObject? body, string? ifMatch, string? token, bool basic = true)
    {
        var request = new HttpRequestMessage(method, endpoint.Resolve(path));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Ingot", null));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }
        else if (basic)
        {
            string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{endpoint.User}:{endpoint.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is System.Security.Authentication.AuthenticationException)
        {
            // A refused certificate will not be accepted on a retry: fatal, and the operator's switch named.
            throw new PowerException(
                PowerErrorKind.Fatal,
                $"The TLS certificate of Redfish service {request.RequestUri?.Authority} was not accepted ({e.InnerException.Message}); "
                + "install a trusted certificate on the BMC or turn certificate checking off (Ingot:Power:Redfish:VerifyCertificates=false).",
                e);
        }
        catch (HttpRequestException e)
        {
            throw new PowerException(PowerErrorKind.Connection, $"Redfish service {request.RequestUri?.Authority} unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new PowerException(PowerErrorKind.Connection, $"Redfish service {request.RequestUri?.Authority} did not answer in time.", e);
        }
    }

    private static void Check(HttpResponseMessage response)
    {
        int code = (int)response.StatusCode;
        if (code is 401 or 403)
        {
            throw new PowerException(PowerErrorKind.Auth, $"Redfish request failed with response status code: {code}.");
        }

        if (code >= 400)
        {
            throw new PowerException(PowerErrorKind.Action, $"Redfish request failed with response status code: {code}.");
        }
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException e)
        {
            throw new PowerException(PowerErrorKind.Action, $"Redfish request failed from a JSON parse error: {e.Message}.", e);
        }
    }
}
