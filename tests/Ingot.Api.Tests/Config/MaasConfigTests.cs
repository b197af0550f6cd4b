using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Config;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Config;

public sealed class MaasConfigTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<string?> StoredAsync(string name) => host.Services.GetRequiredService<IConfigStore>().GetAsync(name, Ct);

    [Fact]
    public async Task Get_config_answers_typed_values_and_defaults()
    {
        // Its own host: the other tests here set values, and defaults are only defaults before that.
        await using var fresh = new ApiHost();
        await fresh.InitializeAsync();
        ApiUser user = await fresh.CreateUserAsync();
        using HttpClient client = fresh.Client(user.ApiKey);
        using var series = await client.GetAsync("MAAS/api/2.0/maas/?op=get_config&name=default_distro_series", Ct);
        using var erase = await client.GetAsync("MAAS/api/2.0/maas/?op=get_config&name=enable_disk_erasing_on_release", Ct);
        Assert.Equal("application/json; charset=utf-8", series.ContentType());
        Assert.Equal("\"noble\"", await series.TextAsync());
        Assert.Equal("false", await erase.TextAsync());
    }

    [Fact]
    public async Task An_admin_sets_a_value_that_get_config_then_returns_typed()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var set = await client.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", "node_timeout"), ("value", "45")), Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("OK", await set.TextAsync());
        using var get = await client.GetAsync("MAAS/api/2.0/maas/?op=get_config&name=node_timeout", Ct);
        Assert.Equal("45", await get.TextAsync());
    }

    [Fact]
    public async Task A_normal_user_may_not_set_config_and_nothing_is_stored()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).PostAsync("MAAS/api/2.0/maas/?op=set_config", new FormUrlEncodedContent([new("name", "maas_name"), new("value", "pwned")]), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("pwned", await StoredAsync("maas_name"));
    }

    [Fact]
    public async Task Unknown_names_and_bad_values_are_400_dicts_and_change_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var unknown = await client.GetAsync("MAAS/api/2.0/maas/?op=get_config&name=no_such_thing", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.StartsWith("no_such_thing is not a valid config setting", (await unknown.JsonAsync()).GetProperty("name")[0].GetString());

        using var flag = await client.PostAsync("MAAS/api/2.0/maas/?op=set_config", new FormUrlEncodedContent([new("name", "enable_disk_erasing_on_release"), new("value", "true")]), Ct);
        Assert.Equal(HttpStatusCode.OK, flag.StatusCode);
        using var badTimeout = await client.PostAsync("MAAS/api/2.0/maas/?op=set_config", new FormUrlEncodedContent([new("name", "node_timeout"), new("value", "0")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badTimeout.StatusCode);
        Assert.Equal("Ensure this value is greater than or equal to 1.", (await badTimeout.JsonAsync()).GetProperty("node_timeout")[0].GetString());
        Assert.NotEqual("0", await StoredAsync("node_timeout"));
    }

    [Fact]
    public async Task Missing_name_or_value_is_400_with_MAAS_text()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var noName = await client.GetAsync("MAAS/api/2.0/maas/?op=get_config", Ct);
        using var noValue = await client.PostAsync("MAAS/api/2.0/maas/?op=set_config", new FormUrlEncodedContent([new("name", "maas_name")]), Ct);
        Assert.Equal("No provided name!", await noName.TextAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);
        Assert.Equal("No provided value!", await noValue.TextAsync());
    }
}
