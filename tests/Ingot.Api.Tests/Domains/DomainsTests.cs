using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Domains;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Domains;

public sealed class DomainsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Domain?> StoredAsync(string name) => host.Services.GetRequiredService<IDomainStore>().FindAsync(name, Ct);

    [Fact]
    public async Task Any_user_lists_domains_with_the_default_maas_domain_in_MAAS_shape()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/domains/", Ct);
        var domain = (await response.JsonAsync()).EnumerateArray().Single(d => d.GetProperty("name").GetString() == "maas");
        Assert.Equal(0, domain.GetProperty("id").GetInt64());
        Assert.True(domain.GetProperty("is_default").GetBoolean());
        Assert.True(domain.GetProperty("authoritative").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, domain.GetProperty("ttl").ValueKind);
        Assert.Equal(0, domain.GetProperty("resource_record_count").GetInt32());
        Assert.Equal("/MAAS/api/2.0/domains/0/", domain.GetProperty("resource_uri").GetString());
    }

    [Fact]
    public async Task An_admin_creates_updates_clears_the_ttl_and_deletes_a_domain()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var created = await client.PostAsync("MAAS/api/2.0/domains/", MaasMultipart.Build(("name", "lab.example"), ("authoritative", "false"), ("ttl", "300")), Ct);
        var json = await created.JsonAsync();
        long id = json.GetProperty("id").GetInt64();
        Assert.False(json.GetProperty("authoritative").GetBoolean());
        Assert.Equal(300, json.GetProperty("ttl").GetInt32());
        Assert.False(json.GetProperty("is_default").GetBoolean());

        using var byName = await client.GetAsync("MAAS/api/2.0/domains/lab.example/", Ct);
        Assert.Equal(id, (await byName.JsonAsync()).GetProperty("id").GetInt64());

        using var cleared = await client.PutAsync($"MAAS/api/2.0/domains/{id}/", new FormUrlEncodedContent([new("ttl", "")]), Ct);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await cleared.JsonAsync()).GetProperty("ttl").ValueKind);
        Assert.Null((await StoredAsync("lab.example"))!.Ttl);

        using var deleted = await client.DeleteAsync($"MAAS/api/2.0/domains/{id}/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await StoredAsync("lab.example"));
    }

    [Fact]
    public async Task A_normal_user_may_not_create_or_delete_domains()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var create = await client.PostAsync("MAAS/api/2.0/domains/", new FormUrlEncodedContent([new("name", "mine.example")]), Ct);
        using var delete = await client.DeleteAsync("MAAS/api/2.0/domains/0/", Ct);
        using var badTtl = await client.PutAsync("MAAS/api/2.0/domains/0/", new FormUrlEncodedContent([new("ttl", "soon")]), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, badTtl.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Null(await StoredAsync("mine.example"));
    }

    [Fact]
    public async Task Bad_names_and_ttls_are_400_dicts_unknown_domains_404_and_the_default_is_kept()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var badName = await client.PostAsync("MAAS/api/2.0/domains/", new FormUrlEncodedContent([new("name", "under_score")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Equal("Domain name contains invalid characters.", (await badName.JsonAsync()).GetProperty("name")[0].GetString());

        using var badTtl = await client.PostAsync("MAAS/api/2.0/domains/", new FormUrlEncodedContent([new("name", "ttl.example"), new("ttl", "soon")]), Ct);
        Assert.Equal("Enter a whole number.", (await badTtl.JsonAsync()).GetProperty("ttl")[0].GetString());
        Assert.Null(await StoredAsync("ttl.example"));

        using var missing = await client.GetAsync("MAAS/api/2.0/domains/4242/", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No Domain matches the given query.", await missing.TextAsync());

        using var deleteDefault = await client.DeleteAsync("MAAS/api/2.0/domains/0/", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, deleteDefault.StatusCode);
        Assert.Equal("This domain is the default domain, it cannot be deleted.", await deleteDefault.TextAsync());
        Assert.NotNull(await StoredAsync("maas"));
    }
}
