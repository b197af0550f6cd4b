using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests;

public sealed class VersionAndDescribeTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_version_is_the_text_2_0()
    {
        using var response = await host.Anonymous().GetAsync("MAAS/api/version/", Ct);
        Assert.Equal("text/plain", response.ContentType());
        Assert.Equal("2.0", await response.TextAsync());
    }

    [Fact]
    public async Task Version_has_capabilities_version_and_an_empty_subversion()
    {
        using var response = await host.Anonymous().GetAsync("MAAS/api/2.0/version/", Ct);
        Assert.Equal("application/json; charset=utf-8", response.ContentType());
        var json = await response.JsonAsync();
        var capabilities = json.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("authenticate-api", capabilities);
        Assert.Contains("network-deployment-ubuntu", capabilities);
        Assert.Equal(9, capabilities.Count);
        Assert.Equal(JsonValueKind.String, json.GetProperty("version").ValueKind);
        Assert.Equal("", json.GetProperty("subversion").GetString());
    }

    [Fact]
    public async Task Describe_is_anonymous_exactly_application_json_and_lists_every_handler()
    {
        using var response = await host.Anonymous().GetAsync("MAAS/api/2.0/describe/", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.ContentType());
        var json = await response.JsonAsync();
        Assert.Equal("MAAS API", json.GetProperty("doc").GetString());
        Assert.Matches("^[0-9a-f]{40}$", json.GetProperty("hash").GetString());

        var resources = json.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(ApiCatalog.Resources.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal), resources.Keys.Order(StringComparer.Ordinal)); // aliases once
        Assert.Superset(new HashSet<string> { "AccountHandler", "UserHandler", "UsersHandler", "VersionHandler" }, resources.Keys.ToHashSet());
        Assert.Equal(JsonValueKind.Null, resources["VersionHandler"].GetProperty("auth").ValueKind);
        Assert.Equal("VersionHandler", resources["VersionHandler"].GetProperty("anon").GetProperty("name").GetString());

        JsonElement user = resources["UserHandler"].GetProperty("auth");
        Assert.Equal(["username"], user.GetProperty("params").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("/MAAS/api/2.0/users/{username}/", user.GetProperty("path").GetString());
        Assert.Equal($"{host.BaseAddress.GetLeftPart(UriPartial.Authority)}/MAAS/api/2.0/users/{{username}}/", user.GetProperty("uri").GetString());
        Assert.Equal(ApiCatalog.Resources.DistinctBy(r => r.Name).Sum(r => (r.Auth is null ? 0 : 1) + (r.Anon is null ? 0 : 1)), json.GetProperty("handlers").GetArrayLength());
    }

    [Fact]
    public async Task Describe_actions_carry_method_op_restful_and_param_lines_sorted_by_name()
    {
        using var response = await host.Anonymous().GetAsync("MAAS/api/2.0/describe/", Ct);
        var json = await response.JsonAsync();
        JsonElement users = json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "UsersHandler").GetProperty("auth");
        var actions = users.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["create", "read", "whoami"], actions.Select(a => a.GetProperty("name").GetString()));
        JsonElement create = actions[0];
        Assert.Equal("POST", create.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, create.GetProperty("op").ValueKind);
        Assert.True(create.GetProperty("restful").GetBoolean());
        Assert.Contains(":param username:", create.GetProperty("doc").GetString(), StringComparison.Ordinal);
        JsonElement whoami = actions[2];
        Assert.Equal("GET", whoami.GetProperty("method").GetString());
        Assert.Equal("whoami", whoami.GetProperty("op").GetString());
        Assert.False(whoami.GetProperty("restful").GetBoolean());
    }

    [Fact]
    public async Task The_hash_is_stable_across_hosts_and_equals_the_X_MAAS_API_Hash_header()
    {
        using var byIp = await host.Anonymous().GetAsync("MAAS/api/2.0/describe/", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "MAAS/api/2.0/describe/");
        request.Headers.Host = "maas.example.com:5240";
        using var byName = await host.Anonymous().SendAsync(request, Ct);
        string hash = (await byIp.JsonAsync()).GetProperty("hash").GetString()!;
        Assert.Equal(hash, (await byName.JsonAsync()).GetProperty("hash").GetString());

        ApiUser user = await host.CreateUserAsync();
        using var whoami = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/users/?op=whoami", Ct);
        Assert.Equal(hash, whoami.Headers.GetValues("X-MAAS-API-Hash").Single());
    }
}
