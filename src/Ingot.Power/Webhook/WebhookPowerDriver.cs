using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power.Http;

namespace Ingot.Power.Webhook;

/// <summary>
/// MAAS's <c>webhook</c> driver: POST to <c>power_on_uri</c> / <c>power_off_uri</c>, GET
/// <c>power_query_uri</c> and match the body against <c>power_on_regex</c> then <c>power_off_regex</c>
/// (neither: unknown). Sends <c>System_Id</c>, and a Bearer token or Basic credentials when given.
/// A 404 is retried once with a trailing slash; other codes ≥ 400 fail the action.
/// </summary>
public sealed class WebhookPowerDriver : IPowerDriver, IDisposable
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromSeconds(1);
    private readonly HttpClient _verifying;
    private readonly HttpClient _trusting;

    public WebhookPowerDriver(TimeSpan requestTimeout)
    {
        _verifying = new HttpClient(BmcHttpHandler.Create(verifyCertificates: true)) { Timeout = requestTimeout };
        _trusting = new HttpClient(BmcHttpHandler.Create(verifyCertificates: false)) { Timeout = requestTimeout };
    }

    public WebhookPowerDriver()
        : this(TimeSpan.FromSeconds(30))
    {
    }

    public PowerTypeSchema Schema => WebhookSchema.Schema;

    public Task PowerOnAsync(PowerContext context, CancellationToken ct) => SendAsync(context, HttpMethod.Post, "power_on_uri", ct);

    public Task PowerOffAsync(PowerContext context, StopMode mode, CancellationToken ct) => SendAsync(context, HttpMethod.Post, "power_off_uri", ct);

    public async Task<PowerState> QueryAsync(PowerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        string body = await SendAsync(context, HttpMethod.Get, "power_query_uri", ct);
        return Matches(context.Get("power_on_regex"), body) ? PowerState.On
            : Matches(context.Get("power_off_regex"), body) ? PowerState.Off
            : PowerState.Unknown;
    }

    public void Dispose()
    {
        _verifying.Dispose();
        _trusting.Dispose();
    }

    private static bool Matches(string pattern, string body)
    {
        if (pattern.Length == 0)
        {
            return false;
        }

        try
        {
            return Regex.IsMatch(body, pattern, RegexOptions.CultureInvariant, s_regexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new PowerException(PowerErrorKind.Setting, $"'{pattern}' is not a valid regular expression: {e.Message}", e);
        }
    }

    private async Task<string> SendAsync(PowerContext context, HttpMethod method, string uriParameter, CancellationToken ct)
    {
        string text = context.Require(uriParameter);
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri))
        {
            throw new PowerException(PowerErrorKind.Setting, $"{uriParameter} '{text}' is not an absolute URI.");
        }

        HttpClient http = context.Get("power_verify_ssl") == "y" ? _verifying : _trusting;
        for (int attempt = 0; ; attempt++)
        {
            using HttpRequestMessage request = Request(context, method, uri);
            try
            {
                using HttpResponseMessage response = await http.SendAsync(request, ct);
                if (response.StatusCode == HttpStatusCode.NotFound && attempt == 0 && !uri.AbsolutePath.EndsWith('/'))
                {
                    uri = new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
                    continue;
                }

                if ((int)response.StatusCode >= 400)
                {
                    throw new PowerException(PowerErrorKind.Action, $"Request failed with response status code: {(int)response.StatusCode}.");
                }

                return await response.Content.ReadAsStringAsync(ct);
            }
            catch (HttpRequestException e)
            {
                throw new PowerException(PowerErrorKind.Connection, $"Webhook {uri.Authority} unreachable: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                throw new PowerException(PowerErrorKind.Connection, $"Webhook {uri.Authority} did not answer in time.", e);
            }
        }
    }

    private static HttpRequestMessage Request(PowerContext context, HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Ingot", null));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("System_Id", context.SystemId);
        if (context.Get("power_token") is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (context.Get("power_user") is { Length: > 0 } user && context.Get("power_pass") is { Length: > 0 } pass)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{pass}")));
        }

        return request;
    }
}
