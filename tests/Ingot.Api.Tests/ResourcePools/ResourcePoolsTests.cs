using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Tags;
using Ingot.Core.ResourcePools;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.ResourcePools;

public sealed class ResourcePoolsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<ResourcePool?> StoredAsync(string name) => host.Services.GetRequiredService<IResourcePoolStore>().FindAsync(name, Ct);

    [Fact]
    public async Task Any_user_lists_pools_with_the_default_pool_at_id_0()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/resourcepools/", Ct);
        var pool = (await response.JsonAsync()).EnumerateArray().Single(p => p.GetProperty("name").GetString() == "default");
        Assert.Equal(0, pool.GetProperty("id").GetInt64());
        Assert.Equal("Default pool", pool.GetProperty("description").GetString());
        Assert.Equal("/MAAS/api/2.0/resourcepool/0/", pool.GetProperty("resource_uri").GetString());
    }

    [Fact]
    public async Task An_admin_creates_a_pool_reads_it_by_id_and_by_name_updates_and_deletes_it()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var created = await client.PostAsync("MAAS/api/2.0/resourcepools/", MaasMultipart.Build(("name", "gpu"), ("description", "GPUs")), Ct);
        var json = await created.JsonAsync();
        long id = json.GetProperty("id").GetInt64();
        Assert.Equal($"/MAAS/api/2.0/resourcepool/{id}/", json.GetProperty("resource_uri").GetString());

        using var byId = await client.GetAsync($"MAAS/api/2.0/resourcepool/{id}/", Ct);
        using var byName = await client.GetAsync("MAAS/api/2.0/resourcepool/gpu/", Ct);
        Assert.Equal("gpu", (await byId.JsonAsync()).GetProperty("name").GetString());
        Assert.Equal(id, (await byName.JsonAsync()).GetProperty("id").GetInt64());

        using var updated = await client.PutAsync($"MAAS/api/2.0/resourcepool/{id}/", new FormUrlEncodedContent([new("description", "graphics")]), Ct);
        Assert.Equal("graphics", (await updated.JsonAsync()).GetProperty("description").GetString());

        using var deleted = await client.DeleteAsync($"MAAS/api/2.0/resourcepool/{id}/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await StoredAsync("gpu"));
    }

    [Fact]
    public async Task A_normal_user_may_not_change_pools_and_nothing_changes()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var create = await client.PostAsync("MAAS/api/2.0/resourcepools/", new FormUrlEncodedContent([new("name", "mine")]), Ct);
        using var update = await client.PutAsync("MAAS/api/2.0/resourcepool/0/", new FormUrlEncodedContent([new("description", "hacked")]), Ct);
        using var delete = await client.DeleteAsync("MAAS/api/2.0/resourcepool/0/", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Null(await StoredAsync("mine"));
        Assert.Equal("Default pool", (await StoredAsync("default"))!.Description);
    }

    [Fact]
    public async Task Unknown_pools_are_404_and_bad_names_are_400_dicts()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var missing = await client.GetAsync("MAAS/api/2.0/resourcepool/9999/", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No ResourcePool matches the given query.", await missing.TextAsync());

        using var bad = await client.PostAsync("MAAS/api/2.0/resourcepools/", new FormUrlEncodedContent([new("name", "")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("This field is required.", (await bad.JsonAsync()).GetProperty("name")[0].GetString());

        using var rename = await client.PutAsync("MAAS/api/2.0/resourcepool/0/", new FormUrlEncodedContent([new("name", "other")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.Equal("This is the default pool, it cannot be renamed.", (await rename.JsonAsync()).GetProperty("name")[0].GetString());
        Assert.NotNull(await StoredAsync("default"));
    }

    [Fact]
    public async Task A_pool_with_machines_and_the_default_pool_cannot_be_deleted()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var created = await client.PostAsync("MAAS/api/2.0/resourcepools/", new FormUrlEncodedContent([new("name", "busy")]), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        await TestMachines.AddAsync(host, configure: m => m.Pool = "busy");

        using var busy = await client.DeleteAsync("MAAS/api/2.0/resourcepool/busy/", Ct);
        using var fallback = await client.DeleteAsync("MAAS/api/2.0/resourcepool/0/", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, busy.StatusCode);
        Assert.Equal("Pool has machines in it, it cannot be deleted.", await busy.TextAsync());
        Assert.Equal("This is the default pool, it cannot be deleted.", await fallback.TextAsync());
        Assert.NotNull(await StoredAsync("busy"));
    }
}
