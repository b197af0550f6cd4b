using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests.Machines;

/// <summary>Requests as the real clients send them: gomaasapi's urlencoded form, the maas CLI's multipart.</summary>
public static class MachineRequests
{
    public const string Machines = "MAAS/api/2.0/machines/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Item(string systemId) => $"{Machines}{systemId}/";

    /// <summary>POST <paramref name="path"/>?op=<paramref name="op"/> with a form-urlencoded body (gomaasapi).</summary>
    public static Task<HttpResponseMessage> PostOpAsync(this HttpClient client, string path, string op, params (string Name, string Value)[] fields) =>
        client.PostAsync($"{path}?op={op}", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), Ct);

    /// <summary>POST <paramref name="path"/>?op=<paramref name="op"/> with the maas CLI's multipart body (op first, in the query).</summary>
    public static Task<HttpResponseMessage> PostCliAsync(this HttpClient client, string path, string op, params (string Name, string Value)[] fields) =>
        client.PostAsync(op.Length == 0 ? path : $"{path}?op={op}", MaasMultipart.Build(fields), Ct);

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) => client.GetAsync(path, Ct);

    /// <summary>The JSON body of a 200 response (fails with the body otherwise).</summary>
    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response)
    {
        string body = await response.TextAsync();
        Assert.True((int)response.StatusCode == 200, $"{(int)response.StatusCode} {response.ContentType()}: {body}");
        return await response.JsonAsync();
    }

    public static string Str(this JsonElement json, string name) => json.GetProperty(name).GetString()!;
}
