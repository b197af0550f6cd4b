using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Metadata;

/// <summary>The metadata URLs, their authentication, the preseeds and the status webhook.</summary>
public sealed class MetadataEndpointTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePreseedCarriesTheDatasourceAndWebhookWithTheMachinesToken()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);

        (RemoteScriptsClient node, string preseed) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);

        string baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        Assert.StartsWith("#cloud-config\n", preseed, StringComparison.Ordinal);
        Assert.Equal($"{baseUrl}/MAAS/metadata/", RemoteScriptsClient.Field(preseed, "metadata_url"));
        Assert.Equal($"{baseUrl}/MAAS/metadata/status/{machine.SystemId}", RemoteScriptsClient.Field(preseed, "endpoint"));
        Assert.Equal("poweroff", RemoteScriptsClient.Field(preseed, "mode"));
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode token = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{machine.SystemId}/?op=get_token", Ct))!;
        Assert.Equal(node.ApiKey, $"{token["consumer_key"]}:{token["token_key"]}:{token["token_secret"]}");

        // The same token every time: it is stored, not made per request.
        (RemoteScriptsClient again, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        Assert.Equal(node.ApiKey, again.ApiKey);
    }

    [Fact]
    public async Task GetTokenIsNullBeforeTheMachineHasOne()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        using HttpClient api = host.Client(admin.ApiKey);
        Assert.Equal("null", await api.GetStringAsync($"MAAS/api/2.0/machines/{machine.SystemId}/?op=get_token", Ct));
    }

    [Fact]
    public async Task TheEnlistPreseedHasNoCredentials()
    {
        using HttpClient anonymous = host.Anonymous();
        string preseed = await anonymous.GetStringAsync("MAAS/metadata/latest/enlist-preseed/?op=get_enlist_preseed", Ct);
        Assert.Contains("metadata_url", preseed, StringComparison.Ordinal);
        Assert.DoesNotContain("token_key", preseed, StringComparison.Ordinal);
        using HttpResponseMessage unknown = await anonymous.GetAsync("MAAS/metadata/latest/by-id/nosuch/?op=get_preseed", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task MetaDataAnswersForTheMachineWhoseTokenSigned()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);

        Assert.Equal(machine.SystemId, await TextAsync(node, "MAAS/metadata/2012-03-01/meta-data/instance-id"));
        Assert.Equal($"{machine.Hostname}.maas", await TextAsync(node, "MAAS/metadata/latest/meta-data/local-hostname"));
        Assert.Equal("2012-03-01\nlatest", await TextAsync(node, "MAAS/metadata/"));
        using HttpResponseMessage item = await node.GetAsync("MAAS/metadata/2012-03-01/meta-data/instance-id");
        Assert.Equal("text/plain", item.Content.Headers.ContentType?.ToString());
        using HttpResponseMessage unknown = await node.GetAsync("MAAS/metadata/2012-03-01/meta-data/bogus");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Unknown metadata attribute: bogus", await unknown.Content.ReadAsStringAsync(Ct));
        using HttpResponseMessage version = await node.GetAsync("MAAS/metadata/2011-01-01/meta-data/instance-id");
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        Assert.Equal("Unknown metadata version: 2011-01-01", await version.Content.ReadAsStringAsync(Ct));
        using HttpResponseMessage userData = await node.GetAsync("MAAS/metadata/2012-03-01/user-data");
        Assert.Equal(HttpStatusCode.NotFound, userData.StatusCode);
    }

    [Fact]
    public async Task OtherCredentialsGetMaasErrors()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);

        using HttpResponseMessage user = await new RemoteScriptsClient(host, admin.ApiKey).GetAsync("MAAS/metadata/2012-03-01/meta-data/instance-id");
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.Equal("Not authenticated as a known node.", await user.Content.ReadAsStringAsync(Ct));

        string[] parts = node.ApiKey.Split(':');
        using HttpResponseMessage forged = await new RemoteScriptsClient(host, $"{parts[0]}:{parts[1]}:wrongsecret").GetAsync("MAAS/metadata/2012-03-01/meta-data/instance-id");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        using HttpResponseMessage unknown = await new RemoteScriptsClient(host, "a:b:c").GetAsync("MAAS/metadata/2012-03-01/meta-data/instance-id");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("Authorization Error: 'Invalid access token: b'", await unknown.Content.ReadAsStringAsync(Ct));

        using HttpClient anonymous = host.Anonymous();
        Assert.Equal("i-maas-enlistment", await anonymous.GetStringAsync("MAAS/metadata/2012-03-01/meta-data/instance-id", Ct));
        using HttpResponseMessage root = await anonymous.GetAsync("MAAS/metadata/", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, root.StatusCode);
        using HttpResponseMessage signal = await anonymous.PostAsync("MAAS/metadata/2012-03-01/", new FormUrlEncodedContent([new("op", "signal"), new("status", "OK")]), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, signal.StatusCode);
        using HttpResponseMessage byMac = await anonymous.GetAsync("MAAS/metadata/2012-03-01/by-mac/52:54:00:00:00:01/meta-data/instance-id", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byMac.StatusCode);
        Assert.Equal("Unauthenticated metadata access is not allowed on this MAAS.", await byMac.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task NetbootOffAndOnByIdAndSigned()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        using HttpClient anonymous = host.Anonymous();
        using HttpResponseMessage off = await anonymous.PostAsync($"MAAS/metadata/latest/by-id/{machine.SystemId}/", new FormUrlEncodedContent([new("op", "netboot_off")]), Ct);
        Assert.Equal("OK", await off.Content.ReadAsStringAsync(Ct));
        Assert.False((await host.ReloadAsync(machine.SystemId)).Netboot);

        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        using HttpClient client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "MAAS/metadata/2012-03-01/?op=netboot_on");
        request.Headers.TryAddWithoutValidation("Authorization", OAuthSigner.Header(node.ApiKey));
        (await client.SendAsync(request, Ct)).EnsureSuccessStatusCode();
        Assert.True((await host.ReloadAsync(machine.SystemId)).Netboot);
    }

    [Fact]
    public async Task TheStatusWebhookRecordsEventsAndFailsCommissioningOnAFailedFinish()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        string url = $"MAAS/metadata/status/{machine.SystemId}";
        using HttpClient client = host.Anonymous();

        using HttpResponseMessage noAuth = await client.PostAsync(url, new StringContent("{}"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noAuth.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostStatusAsync(client, url, node.ApiKey, "{\"event_type\": \"start\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostStatusAsync(client, url, node.ApiKey,
            "{\"name\": \"init-network\", \"description\": \"searching for network datasources\", \"event_type\": \"start\", \"origin\": \"cloudinit\", \"timestamp\": 1700000000.5}")).StatusCode);
        Assert.Equal(MachineStatus.Commissioning, (await host.ReloadAsync(machine.SystemId)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await PostStatusAsync(client, url, node.ApiKey,
            "{\"name\": \"modules-final\", \"description\": \"running modules for final\", \"event_type\": \"finish\", \"origin\": \"cloudinit\", \"result\": \"FAIL\", \"timestamp\": 1700000001.0}")).StatusCode);
        Assert.Equal(MachineStatus.FailedCommissioning, (await host.ReloadAsync(machine.SystemId)).Status);

        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode events = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/events/?op=query&id={machine.SystemId}&level=DEBUG", Ct))!;
        Assert.Contains(events["events"]!.AsArray(), e => e!["description"]!.GetValue<string>() == "'init-network' searching for network datasources");
    }

    private static async Task<HttpResponseMessage> PostStatusAsync(HttpClient client, string url, string apiKey, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.ASCII, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", OAuthSigner.Header(apiKey));
        return await client.SendAsync(request, Ct);
    }

    private static async Task<string> TextAsync(RemoteScriptsClient node, string path)
    {
        using HttpResponseMessage response = await node.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
