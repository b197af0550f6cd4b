using System.Net;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests;

public sealed class AccountTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_authorisation_token_returns_a_working_key_with_the_default_consumer_name()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).PostAsync("MAAS/api/2.0/account/?op=create_authorisation_token", null, Ct);
        var json = await response.JsonAsync();
        Assert.Equal("MAAS consumer", json.GetProperty("name").GetString());
        Assert.Equal(18, json.GetProperty("token_key").GetString()!.Length);
        Assert.Equal(32, json.GetProperty("token_secret").GetString()!.Length);
        string key = $"{json.GetProperty("consumer_key").GetString()}:{json.GetProperty("token_key").GetString()}:{json.GetProperty("token_secret").GetString()}";

        using var whoami = await host.Client(key).GetAsync("MAAS/api/2.0/users/?op=whoami", Ct);
        Assert.Equal(user.Username, (await whoami.JsonAsync()).GetProperty("username").GetString());
    }

    [Fact]
    public async Task List_authorisation_tokens_shows_each_name_and_whole_key()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var created = await client.PostAsync("MAAS/api/2.0/account/?op=create_authorisation_token", MaasMultipart.Build(("name", "ci")), Ct);
        Assert.Equal("ci", (await created.JsonAsync()).GetProperty("name").GetString());

        using var listed = await client.GetAsync("MAAS/api/2.0/account/?op=list_authorisation_tokens", Ct);
        var tokens = (await listed.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, tokens.Count);
        Assert.Equal(user.ApiKey, tokens[0].GetProperty("token").GetString());
        Assert.Equal(["MAAS consumer", "ci"], tokens.Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Delete_authorisation_token_revokes_it_and_an_unknown_one_is_404()
    {
        ApiUser user = await host.CreateUserAsync();
        ApiUser other = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var created = await client.PostAsync("MAAS/api/2.0/account/?op=create_authorisation_token", null, Ct);
        var json = await created.JsonAsync();
        string tokenKey = json.GetProperty("token_key").GetString()!;

        using var othersAttempt = await host.Client(other.ApiKey).PostAsync("MAAS/api/2.0/account/?op=delete_authorisation_token", new FormUrlEncodedContent([new("token_key", tokenKey)]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, othersAttempt.StatusCode);
        Assert.Equal("No Token matches the given query.", await othersAttempt.TextAsync());

        using var deleted = await client.PostAsync("MAAS/api/2.0/account/?op=delete_authorisation_token", new FormUrlEncodedContent([new("token_key", tokenKey)]), Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        string revokedKey = $"{json.GetProperty("consumer_key").GetString()}:{tokenKey}:{json.GetProperty("token_secret").GetString()}";
        using var revoked = await host.Client(revokedKey).GetAsync("MAAS/api/2.0/users/?op=whoami", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);

        using var missing = await client.PostAsync("MAAS/api/2.0/account/?op=delete_authorisation_token", null, Ct);
        Assert.Equal("No provided token_key!", await missing.TextAsync());
    }

    [Fact]
    public async Task Account_needs_authentication()
    {
        using var response = await host.Anonymous().PostAsync("MAAS/api/2.0/account/?op=create_authorisation_token", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
