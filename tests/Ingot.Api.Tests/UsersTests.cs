using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests;

public sealed class UsersTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent NewUser(string username, string superuser = "0") =>
        new([new("username", username), new("email", $"{username}@example.com"), new("password", "pw"), new("is_superuser", superuser)]);

    [Fact]
    public async Task Whoami_renders_the_caller_as_MAAS_does()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var response = await host.Client(admin.ApiKey).GetAsync("MAAS/api/2.0/users/?op=whoami", Ct);
        Assert.Equal("application/json; charset=utf-8", response.ContentType());
        var json = await response.JsonAsync();
        Assert.Equal(admin.Username, json.GetProperty("username").GetString());
        Assert.True(json.GetProperty("is_superuser").GetBoolean());
        Assert.True(json.GetProperty("is_local").GetBoolean());
        Assert.Equal("someone@example.com", json.GetProperty("email").GetString());
        Assert.Equal($"/MAAS/api/2.0/users/{admin.Username}/", json.GetProperty("resource_uri").GetString());
    }

    [Fact]
    public async Task Any_user_lists_users_ordered_by_username()
    {
        ApiUser user = await host.CreateUserAsync();
        await host.CreateUserAsync("aaa-first");
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/users/", Ct);
        var names = (await response.JsonAsync()).EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToList();
        Assert.Contains(user.Username, names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_log_in_with_the_password()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var response = await host.Client(admin.ApiKey).PostAsync("MAAS/api/2.0/users/", MaasMultipart.Build(("username", "newbie"), ("email", "n@example.com"), ("password", "s3cret"), ("is_superuser", "1")), Ct);
        var json = await response.JsonAsync();
        Assert.Equal("newbie", json.GetProperty("username").GetString());
        Assert.True(json.GetProperty("is_superuser").GetBoolean());

        User? stored = await host.Services.GetRequiredService<IUserStore>().FindAsync("newbie", Ct);
        Assert.NotNull(stored);
        Assert.True(PasswordHasher.Verify("s3cret", stored.PasswordHash));
    }

    [Fact]
    public async Task A_normal_user_may_not_create_users_and_nothing_is_created()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).PostAsync("MAAS/api/2.0/users/", NewUser("sneaky"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Null(await host.Services.GetRequiredService<IUserStore>().FindAsync("sneaky", Ct));
    }

    [Fact]
    public async Task Create_needs_every_mandatory_parameter()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var response = await host.Client(admin.ApiKey).PostAsync("MAAS/api/2.0/users/", new FormUrlEncodedContent([new("username", "x"), new("password", "p")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No provided email!", await response.TextAsync());
    }

    [Fact]
    public async Task A_duplicate_or_invalid_username_is_400_and_changes_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var duplicate = await client.PostAsync("MAAS/api/2.0/users/", NewUser(admin.Username), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("User with this Username already exists.", await duplicate.TextAsync());

        using var invalid = await client.PostAsync("MAAS/api/2.0/users/", NewUser("bad name!"), Ct);
        var json = await invalid.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.StartsWith("Enter a valid username.", json.GetProperty("username")[0].GetString(), StringComparison.Ordinal);

        using var badBool = await client.PostAsync("MAAS/api/2.0/users/", NewUser("okname", superuser: "maybe"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badBool.StatusCode);
        Assert.Null(await host.Services.GetRequiredService<IUserStore>().FindAsync("okname", Ct));
    }

    [Fact]
    public async Task Reading_a_user_by_name_and_an_unknown_one()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var found = await client.GetAsync($"MAAS/api/2.0/users/{user.Username}/", Ct);
        Assert.Equal(user.Username, (await found.JsonAsync()).GetProperty("username").GetString());

        using var missing = await client.GetAsync("MAAS/api/2.0/users/nobody/", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No User matches the given query.", await missing.TextAsync());
    }

    [Fact]
    public async Task An_admin_deletes_a_user_whose_key_then_stops_working()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser victim = await host.CreateUserAsync();
        using var deleted = await host.Client(admin.ApiKey).DeleteAsync($"MAAS/api/2.0/users/{victim.Username}/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await host.Services.GetRequiredService<IUserStore>().FindAsync(victim.Username, Ct));

        using var after = await host.Client(victim.ApiKey).GetAsync("MAAS/api/2.0/users/?op=whoami", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);

        using var again = await host.Client(admin.ApiKey).DeleteAsync($"MAAS/api/2.0/users/{victim.Username}/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task A_normal_user_may_not_delete_and_an_admin_may_not_delete_themselves()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        using var byUser = await host.Client(user.ApiKey).DeleteAsync($"MAAS/api/2.0/users/{admin.Username}/", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);

        using var self = await host.Client(admin.ApiKey).DeleteAsync($"MAAS/api/2.0/users/{admin.Username}/", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal("An administrator cannot self-delete.", await self.TextAsync());
        Assert.NotNull(await host.Services.GetRequiredService<IUserStore>().FindAsync(admin.Username, Ct));
    }
}
