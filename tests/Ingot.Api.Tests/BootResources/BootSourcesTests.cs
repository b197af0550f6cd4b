using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.BootResources;

namespace Ingot.Api.Tests.BootResources;

public sealed class BootSourcesTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_host_has_MAAS_default_boot_source_with_one_selection()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var list = await client.GetAsync("MAAS/api/2.0/boot-sources/", Ct);
        JsonElement source = (await list.JsonAsync()).EnumerateArray().Single(s => s.GetProperty("url").GetString() == BootSource.DefaultUrl);
        long id = source.GetProperty("id").GetInt64();

        using var selections = await client.GetAsync($"MAAS/api/2.0/boot-sources/{id}/selections/", Ct);
        JsonElement selection = (await selections.JsonAsync()).EnumerateArray().Single();

        Assert.Equal(BootSource.DefaultKeyring, source.GetProperty("keyring_filename").GetString());
        Assert.Equal($"/MAAS/api/2.0/boot-sources/{id}/", source.GetProperty("resource_uri").GetString());
        Assert.Equal(("ubuntu", "noble", id), (selection.GetProperty("os").GetString(), selection.GetProperty("release").GetString(), selection.GetProperty("boot_source_id").GetInt64()));
        Assert.Equal(["amd64"], selection.GetProperty("arches").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task An_admin_creates_updates_and_deletes_a_source_and_its_selections()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var created = await client.PostAsync("MAAS/api/2.0/boot-sources/", MaasMultipart.Build(
            ("url", "http://mirror.example/maas/"), ("keyring_data", Convert.ToBase64String([9, 8, 7]))), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JsonElement source = await created.JsonAsync();
        long id = source.GetProperty("id").GetInt64();
        Assert.Equal(Convert.ToBase64String([9, 8, 7]), source.GetProperty("keyring_data").GetString());

        using var selection = await client.PostAsync($"MAAS/api/2.0/boot-sources/{id}/selections/", MaasMultipart.Build(
            ("os", "ubuntu"), ("release", "jammy"), ("arches", "amd64"), ("arches", "arm64"), ("labels", "stable")), Ct);
        JsonElement sel = await selection.JsonAsync();
        long selId = sel.GetProperty("id").GetInt64();
        Assert.Equal($"/MAAS/api/2.0/boot-sources/{id}/selections/{selId}/", sel.GetProperty("resource_uri").GetString());
        Assert.Equal(["amd64", "arm64"], sel.GetProperty("arches").EnumerateArray().Select(a => a.GetString()));

        using var updated = await client.PutAsync($"MAAS/api/2.0/boot-sources/{id}/selections/{selId}/", new FormUrlEncodedContent([new("release", "noble")]), Ct);
        Assert.Equal("noble", (await updated.JsonAsync()).GetProperty("release").GetString());
        using var moved = await client.PutAsync($"MAAS/api/2.0/boot-sources/{id}/", new FormUrlEncodedContent([new("url", "file:///srv/mirror/")]), Ct);
        Assert.Equal("file:///srv/mirror/", (await moved.JsonAsync()).GetProperty("url").GetString());

        using var deleted = await client.DeleteAsync($"MAAS/api/2.0/boot-sources/{id}/", Ct);
        using var gone = await client.GetAsync($"MAAS/api/2.0/boot-sources/{id}/selections/{selId}/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("No BootSource matches the given query.", await gone.TextAsync());
    }

    [Fact]
    public async Task Boot_sources_are_admin_only_and_a_source_needs_a_url_and_a_keyring()
    {
        ApiUser user = await host.CreateUserAsync();
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var read = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/boot-sources/", Ct);
        using var create = await host.Client(user.ApiKey).PostAsync("MAAS/api/2.0/boot-sources/", MaasMultipart.Build(("url", "http://x.example/"), ("keyring_filename", "/k")), Ct);
        using var noKeyring = await host.Client(admin.ApiKey).PostAsync("MAAS/api/2.0/boot-sources/", MaasMultipart.Build(("url", "http://y.example/")), Ct);
        using var noUrl = await host.Client(admin.ApiKey).PostAsync("MAAS/api/2.0/boot-sources/", MaasMultipart.Build(("keyring_filename", "/k")), Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (read.StatusCode, create.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, noKeyring.StatusCode);
        Assert.Equal([BootSourceForm.KeyringRequired], (await noKeyring.JsonAsync()).GetProperty("__all__").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["This field is required."], (await noUrl.JsonAsync()).GetProperty("url").EnumerateArray().Select(e => e.GetString()));
    }
}
