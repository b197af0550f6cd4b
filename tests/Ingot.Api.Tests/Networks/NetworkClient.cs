using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests.Networks;

/// <summary>An OAuth client of the API 2.0 with the form-encoded calls the network tests make (as gomaasapi sends them).</summary>
internal sealed class NetworkClient(HttpClient http) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<NetworkClient> AdminAsync(ApiHost host) => new(host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey));

    public static async Task<NetworkClient> UserAsync(ApiHost host) => new(host.Client((await host.CreateUserAsync()).ApiKey));

    /// <summary>A /24 as <c>10.x.y.0/24</c> and its first three octets, unused by other tests of the class.</summary>
    public static (string Cidr, string Prefix) NewSubnet()
    {
        string prefix = $"10.{RandomNumberGenerator.GetInt32(100, 255)}.{RandomNumberGenerator.GetInt32(0, 255)}";
        return ($"{prefix}.0/24", prefix);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync("MAAS/api/2.0/" + path, Ct);

    public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields) =>
        http.PostAsync("MAAS/api/2.0/" + path, Form(fields), Ct);

    public Task<HttpResponseMessage> PutAsync(string path, params (string Name, string Value)[] fields) =>
        http.PutAsync("MAAS/api/2.0/" + path, Form(fields), Ct);

    public Task<HttpResponseMessage> DeleteAsync(string path) => http.DeleteAsync("MAAS/api/2.0/" + path, Ct);

    /// <summary>The JSON of a call that must succeed.</summary>
    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        using HttpResponseMessage response = await call;
        string body = await response.TextAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return await response.JsonAsync();
    }

    /// <summary>The status and body of a call that must fail.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> FailAsync(Task<HttpResponseMessage> call)
    {
        using HttpResponseMessage response = await call;
        return (response.StatusCode, await response.TextAsync());
    }

    /// <summary>The status and the field errors (MAAS's JSON dict, each field's first message) of a refused call.</summary>
    public static async Task<(HttpStatusCode Status, Dictionary<string, string> Errors)> FieldErrorsAsync(Task<HttpResponseMessage> call)
    {
        using HttpResponseMessage response = await call;
        string body = await response.TextAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{(int)response.StatusCode}: {body}");
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!));
    }

    /// <summary>Creates a subnet on fabric-0's untagged VLAN.</summary>
    public Task<JsonElement> CreateSubnetAsync(string cidr, params (string Name, string Value)[] more) =>
        OkAsync(PostAsync("subnets/", [("cidr", cidr), .. more]));

    public void Dispose() => http.Dispose();

    private static FormUrlEncodedContent Form((string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
