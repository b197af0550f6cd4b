using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Ingot.Web.Tests.Infrastructure;

/// <summary>
/// The REST API 2.0 as a MAAS client calls it (OAuth 1.0a PLAINTEXT, form-encoded bodies), for
/// setting up machines and for changing them behind the UI's back.
/// </summary>
public sealed class MaasClient(Uri baseAddress, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    /// <summary>POST <paramref name="path"/> (with <c>?op=</c> when given); fails the test unless 200/201.</summary>
    public async Task<JsonElement> PostAsync(string path, string? op, params (string Name, string Value)[] fields)
    {
        (int status, string body) = await TryPostAsync(path, op, fields);
        Assert.True(status is >= 200 and < 300, $"POST {path} op={op}: {status} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>POST as <see cref="PostAsync"/> but returns the status code and body whatever they are.</summary>
    public async Task<(int Status, string Body)> TryPostAsync(string path, string? op, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "MAAS/api/2.0/" + path + (op is null ? "" : $"?op={op}"))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Header());
        using HttpResponseMessage response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>GET <paramref name="path"/> (with <c>?op=</c> when given); fails the test unless 200.</summary>
    public async Task<JsonElement> GetAsync(string path, string? op)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "MAAS/api/2.0/" + path + (op is null ? "" : $"?op={op}"));
        request.Headers.TryAddWithoutValidation("Authorization", Header());
        using HttpResponseMessage response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} op={op}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Creates a machine (manual power, one MAC) and returns its system_id: New unless
    /// <paramref name="deployed"/> or <paramref name="commission"/> (an admin's machine commissions by default; this sends <c>commission=false</c> unless asked).
    /// </summary>
    public async Task<string> CreateMachineAsync(string hostname, string? zone = null, string? pool = null, bool deployed = false, bool commission = false)
    {
        var fields = new List<(string, string)>
        {
            ("hostname", hostname),
            ("architecture", "amd64/generic"),
            ("mac_addresses", RandomMac()),
            ("power_type", "manual"),
            ("commission", commission ? "true" : "false"),
        };
        if (zone is not null)
        {
            fields.Add(("zone", zone));
        }

        if (pool is not null)
        {
            fields.Add(("pool", pool));
        }

        if (deployed)
        {
            fields.Add(("deployed", "true"));
        }

        JsonElement machine = await PostAsync("machines/", null, [.. fields]);
        return machine.GetProperty("system_id").GetString()!;
    }

    private string Header()
    {
        string[] parts = apiKey.Split(':');
        string nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"OAuth oauth_nonce=\"{nonce}\", oauth_timestamp=\"{ts}\", oauth_version=\"1.0\", oauth_signature_method=\"PLAINTEXT\", "
            + $"oauth_consumer_key=\"{parts[0]}\", oauth_token=\"{parts[1]}\", oauth_signature=\"{Uri.EscapeDataString("&" + parts[2])}\"";
    }

    private static string RandomMac()
    {
        byte[] b = RandomNumberGenerator.GetBytes(5);
        return $"52:{b[0]:x2}:{b[1]:x2}:{b[2]:x2}:{b[3]:x2}:{b[4]:x2}";
    }
}
