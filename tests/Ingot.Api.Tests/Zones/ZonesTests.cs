using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Tags;
using Ingot.Core.Zones;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Zones;

public sealed class ZonesTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Zone?> StoredAsync(string name) => host.Services.GetRequiredService<IZoneStore>().FindAsync(name, Ct);

    [Fact]
    public async Task Any_user_lists_zones_including_the_default_one_in_MAAS_shape()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/zones/", Ct);
        Assert.Equal("application/json; charset=utf-8", response.ContentType());
        var zone = (await response.JsonAsync()).EnumerateArray().Single(z => z.GetProperty("name").GetString() == "default");
        Assert.Equal("/MAAS/api/2.0/zones/default/", zone.GetProperty("resource_uri").GetString());
        Assert.Equal("", zone.GetProperty("description").GetString());
        Assert.True(zone.GetProperty("id").GetInt64() >= 0);
    }

    [Fact]
    public async Task An_admin_creates_reads_renames_and_deletes_a_zone()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var created = await client.PostAsync("MAAS/api/2.0/zones/", MaasMultipart.Build(("name", "rack-a"), ("description", "first rack")), Ct);
        var json = await created.JsonAsync();
        Assert.Equal("rack-a", json.GetProperty("name").GetString());
        Assert.Equal("first rack", json.GetProperty("description").GetString());
        Assert.Equal("/MAAS/api/2.0/zones/rack-a/", json.GetProperty("resource_uri").GetString());

        using var read = await client.GetAsync("MAAS/api/2.0/zones/rack-a/", Ct);
        Assert.Equal(json.GetProperty("id").GetInt64(), (await read.JsonAsync()).GetProperty("id").GetInt64());

        using var renamed = await client.PutAsync("MAAS/api/2.0/zones/rack-a/", new FormUrlEncodedContent([new("name", "rack-b")]), Ct);
        var renamedJson = await renamed.JsonAsync();
        Assert.Equal("rack-b", renamedJson.GetProperty("name").GetString());
        Assert.Equal("first rack", renamedJson.GetProperty("description").GetString());
        Assert.Null(await StoredAsync("rack-a"));

        using var deleted = await client.DeleteAsync("MAAS/api/2.0/zones/rack-b/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await StoredAsync("rack-b"));
    }

    [Fact]
    public async Task A_normal_user_may_not_create_update_or_delete_zones_and_nothing_changes()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var setup = await host.Client(admin.ApiKey).PostAsync("MAAS/api/2.0/zones/", new FormUrlEncodedContent([new("name", "kept")]), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);

        using var create = await client.PostAsync("MAAS/api/2.0/zones/", new FormUrlEncodedContent([new("name", "sneaky")]), Ct);
        using var update = await client.PutAsync("MAAS/api/2.0/zones/kept/", new FormUrlEncodedContent([new("description", "changed")]), Ct);
        using var delete = await client.DeleteAsync("MAAS/api/2.0/zones/kept/", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Null(await StoredAsync("sneaky"));
        Assert.Equal("", (await StoredAsync("kept"))!.Description);
    }

    [Fact]
    public async Task An_unknown_zone_is_404_with_MAAS_text()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var read = await client.GetAsync("MAAS/api/2.0/zones/nowhere/", Ct);
        using var delete = await client.DeleteAsync("MAAS/api/2.0/zones/nowhere/", Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("No Zone matches the given query.", await read.TextAsync());
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task A_bad_or_taken_name_is_a_400_field_dict_and_creates_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var bad = await client.PostAsync("MAAS/api/2.0/zones/", new FormUrlEncodedContent([new("name", "bad/name!")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Enter a valid value.", (await bad.JsonAsync()).GetProperty("name")[0].GetString());
        Assert.Null(await StoredAsync("bad/name!"));

        using var missing = await client.PostAsync("MAAS/api/2.0/zones/", new FormUrlEncodedContent([new("description", "x")]), Ct);
        Assert.Equal("This field is required.", (await missing.JsonAsync()).GetProperty("name")[0].GetString());

        using var taken = await client.PostAsync("MAAS/api/2.0/zones/", new FormUrlEncodedContent([new("name", "default"), new("description", "dup")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("Physical zone with this Name already exists.", (await taken.JsonAsync()).GetProperty("name")[0].GetString());
        Assert.Equal("", (await StoredAsync("default"))!.Description);
    }

    [Fact]
    public async Task The_default_zone_cannot_be_deleted_and_a_deleted_zone_moves_its_machines_to_default()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var refused = await client.DeleteAsync("MAAS/api/2.0/zones/default/", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("This zone is the default zone, it cannot be deleted.", await refused.TextAsync());
        Assert.NotNull(await StoredAsync("default"));

        using var created = await client.PostAsync("MAAS/api/2.0/zones/", new FormUrlEncodedContent([new("name", "doomed")]), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var machine = await TestMachines.AddAsync(host, configure: m => m.Zone = "doomed");
        using var deleted = await client.DeleteAsync("MAAS/api/2.0/zones/doomed/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("default", (await TestMachines.FindAsync(host, machine.SystemId))!.Zone);
    }
}
