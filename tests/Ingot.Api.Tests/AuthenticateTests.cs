using System.Net;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests;

public sealed class AuthenticateTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent Credentials(string username, string password, string? consumer = null) =>
        new(consumer is null
            ? [new("username", username), new("password", password)]
            : [new("username", username), new("password", password), new("consumer", consumer)]);

    [Fact]
    public async Task Username_and_password_return_the_users_first_token_and_it_signs_requests()
    {
        ApiUser user = await host.CreateUserAsync(password: "pa55");
        using var response = await host.Anonymous().PostAsync("MAAS/accounts/authenticate/", Credentials(user.Username, "pa55"), Ct);
        Assert.Equal("application/json", response.ContentType());
        var json = await response.JsonAsync();
        string key = $"{json.GetProperty("consumer_key").GetString()}:{json.GetProperty("token_key").GetString()}:{json.GetProperty("token_secret").GetString()}";
        Assert.Equal(user.ApiKey, key);
        Assert.Equal("MAAS consumer", json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_consumer_name_gets_its_own_token_once()
    {
        ApiUser user = await host.CreateUserAsync(password: "pa55");
        using var first = await host.Anonymous().PostAsync("MAAS/accounts/authenticate/", Credentials(user.Username, "pa55", "me@laptop"), Ct);
        using var second = await host.Anonymous().PostAsync("MAAS/accounts/authenticate/", Credentials(user.Username, "pa55", "me@laptop"), Ct);
        var a = await first.JsonAsync();
        var b = await second.JsonAsync();
        Assert.Equal("me@laptop", a.GetProperty("name").GetString());
        Assert.Equal(a.GetProperty("token_key").GetString(), b.GetProperty("token_key").GetString());
        Assert.NotEqual(user.ApiKey.Split(':')[1], a.GetProperty("token_key").GetString());
    }

    [Fact]
    public async Task Wrong_password_unknown_user_and_inactive_user_are_403_empty()
    {
        ApiUser user = await host.CreateUserAsync(password: "pa55");
        ApiUser inactive = await host.CreateUserAsync(password: "pa55", isActive: false);
        foreach (var content in new[] { Credentials(user.Username, "wrong"), Credentials("nobody", "pa55"), Credentials(inactive.Username, "pa55"), Credentials(user.Username, "") })
        {
            using var response = await host.Anonymous().PostAsync("MAAS/accounts/authenticate/", content, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("", await response.TextAsync());
            Assert.NotNull(response.Content.Headers.ContentType);
        }
    }

    [Fact]
    public async Task Get_is_405()
    {
        using var response = await host.Anonymous().GetAsync("MAAS/accounts/authenticate/", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
