using System.Formats.Tar;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests.Metadata;

/// <summary>
/// The requests MAAS's in-image helpers send, built by hand: the preseed fetch, and <c>signal</c> as
/// <c>maas_api_helper.signal()</c> encodes it (plain multipart parts, <c>op=signal</c> in the body,
/// files as <c>name="x"; filename="x"</c> with <c>application/octet-stream</c>, CRLF, OAuth PLAINTEXT header),
/// posted to <c>&lt;metadata_url&gt;2012-03-01/</c>.
/// </summary>
public sealed partial class RemoteScriptsClient(ApiHost host, string apiKey)
{
    private const string Boundary = "----------------------------8a4d6f3b1c2e";

    public string ApiKey => apiKey;

    /// <summary>Fetches the machine's preseed anonymously and takes the datasource credentials from it.</summary>
    public static async Task<(RemoteScriptsClient Client, string Preseed)> FromPreseedAsync(ApiHost host, string systemId)
    {
        using HttpClient anonymous = host.Anonymous();
        string preseed = await anonymous.GetStringAsync($"MAAS/metadata/latest/by-id/{systemId}/?op=get_preseed", TestContext.Current.CancellationToken);
        string key = $"{Field(preseed, "consumer_key")}:{Field(preseed, "token_key")}:{Field(preseed, "token_secret")}";
        return (new RemoteScriptsClient(host, key), preseed);
    }

    public static string Field(string yaml, string name) =>
        Regex.Match(yaml, $"^\\s+{name}: \"([^\"]*)\"$", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"No {name} in:\n{yaml}");

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using HttpClient client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", OAuthSigner.Header(apiKey));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>POST <c>2012-03-01/</c> with <c>op=signal</c> and the given fields and files.</summary>
    public async Task<HttpResponseMessage> SignalAsync(string status, IEnumerable<(string Name, string Value)>? fields = null, IEnumerable<(string Name, byte[] Content)>? files = null)
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
        Line("");
        var content2 = new ByteArrayContent(body.ToArray());
        content2.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        using HttpClient client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "MAAS/metadata/2012-03-01/") { Content = content2 };
        request.Headers.TryAddWithoutValidation("Authorization", OAuthSigner.Header(apiKey));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Downloads <c>maas-scripts</c> and returns <c>index.json</c>'s entries of <paramref name="kind"/> (and the script files).</summary>
    public async Task<(JsonArray Entries, Dictionary<string, string> Files)> ScriptsAsync(string kind)
    {
        using HttpResponseMessage response = await GetAsync("MAAS/metadata/2012-03-01/maas-scripts");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-tar", response.Content.Headers.ContentType?.MediaType);
        var files = new Dictionary<string, string>();
        using (var tar = new TarReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken)))
        {
            while (await tar.GetNextEntryAsync(cancellationToken: TestContext.Current.CancellationToken) is { } entry)
            {
                using var reader = new StreamReader(entry.DataStream!);
                files[entry.Name] = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            }
        }

        JsonNode index = JsonNode.Parse(files["index.json"])!;
        return (index["1.0"]![$"{kind}_scripts"]!.AsArray(), files);
    }

    /// <summary>Runs every script of the index the way maas-run-remote-scripts reports it: WORKING, then WORKING with its files.</summary>
    /// <summary>
    /// What a script prints by default: the machine-resources document of a qemu VM for
    /// <c>50-maas-01-commissioning</c> (its hook parses it), <c>stdout NAME</c> for the others.
    /// </summary>
    public static byte[] DefaultStdout(string name) => name == "50-maas-01-commissioning"
        ? File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Inventory", "Fixtures", "qemu-vm.json"))
        : Encoding.UTF8.GetBytes($"stdout {name}");

    public async Task ReportAllAsync(JsonArray entries, Func<string, int> exitStatus, string status = "WORKING", Func<string, byte[]?>? stdout = null)
    {
        foreach (JsonNode? entry in entries)
        {
            string name = entry!["name"]!.GetValue<string>();
            string id = entry["script_result_id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
            string version = entry["script_version_id"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
            (await SignalAsync("WORKING", [("script_result_id", id), ("name", name)])).EnsureSuccessStatusCode();
            int exit = exitStatus(name);
            using HttpResponseMessage done = await SignalAsync(
                exit == -1 ? "TIMEDOUT" : status,
                [("script_result_id", id), ("script_version_id", version), ("exit_status", exit == -1 ? "124" : exit.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("runtime", "1.25")],
                [(name, Encoding.UTF8.GetBytes($"combined {name}")), ($"{name}.out", stdout?.Invoke(name) ?? DefaultStdout(name)), ($"{name}.err", Encoding.UTF8.GetBytes($"stderr {name}")), ($"{name}.yaml", Encoding.UTF8.GetBytes("results: {}\n"))]);
            Assert.Equal(System.Net.HttpStatusCode.OK, done.StatusCode);
            Assert.Equal("OK", await done.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }
}
