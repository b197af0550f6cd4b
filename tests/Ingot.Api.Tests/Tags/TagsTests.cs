using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Tags;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Tags;

public sealed class TagsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Tag?> StoredAsync(string name) => host.Services.GetRequiredService<ITagStore>().FindAsync(name, Ct);

    private async Task<HttpClient> AdminAsync() => host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] pairs) =>
        new(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    [Fact]
    public async Task An_admin_creates_a_tag_that_everyone_can_list_and_read_in_MAAS_shape()
    {
        using HttpClient admin = await AdminAsync();
        using var created = await admin.PostAsync("MAAS/api/2.0/tags/", MaasMultipart.Build(("name", "gpu"), ("comment", "has a GPU"), ("definition", "//node[@class='display']"), ("kernel_opts", "nomodeset")), Ct);
        var json = await created.JsonAsync();
        Assert.Equal(["name", "definition", "comment", "kernel_opts", "resource_uri"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("//node[@class='display']", json.GetProperty("definition").GetString());
        Assert.Equal("/MAAS/api/2.0/tags/gpu/", json.GetProperty("resource_uri").GetString());

        using HttpClient user = host.Client((await host.CreateUserAsync()).ApiKey);
        using var list = await user.GetAsync("MAAS/api/2.0/tags/", Ct);
        Assert.Contains((await list.JsonAsync()).EnumerateArray(), t => t.GetProperty("name").GetString() == "gpu");
        using var read = await user.GetAsync("MAAS/api/2.0/tags/gpu/", Ct);
        Assert.Equal("nomodeset", (await read.JsonAsync()).GetProperty("kernel_opts").GetString());
    }

    [Fact]
    public async Task A_normal_user_may_not_create_update_delete_or_update_nodes_and_nothing_changes()
    {
        using HttpClient admin = await AdminAsync();
        using var setup = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "locked-tag")), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var machine = await TestMachines.AddAsync(host);
        using HttpClient user = host.Client((await host.CreateUserAsync()).ApiKey);

        using var create = await user.PostAsync("MAAS/api/2.0/tags/", Form(("name", "sneaky")), Ct);
        using var update = await user.PutAsync("MAAS/api/2.0/tags/locked-tag/", Form(("comment", "changed")), Ct);
        using var nodes = await user.PostAsync("MAAS/api/2.0/tags/locked-tag/?op=update_nodes", Form(("add", machine.SystemId)), Ct);
        using var delete = await user.DeleteAsync("MAAS/api/2.0/tags/locked-tag/", Ct);

        Assert.All([create, update, nodes, delete], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Null(await StoredAsync("sneaky"));
        Assert.Equal("", (await StoredAsync("locked-tag"))!.Comment);
        Assert.Empty((await TestMachines.FindAsync(host, machine.SystemId))!.Tags);
    }

    [Fact]
    public async Task Update_nodes_adds_and_removes_the_tag_and_counts_the_machines_found()
    {
        using HttpClient admin = await AdminAsync();
        using var setup = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "rack1")), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var first = await TestMachines.AddAsync(host);
        var second = await TestMachines.AddAsync(host, configure: m => m.Tags = ["rack1"]);

        using var response = await admin.PostAsync(
            "MAAS/api/2.0/tags/rack1/?op=update_nodes",
            Form(("add", first.SystemId), ("add", "nosuch"), ("remove", second.SystemId)),
            Ct);
        var json = await response.JsonAsync();
        Assert.Equal(1, json.GetProperty("added").GetInt32());
        Assert.Equal(1, json.GetProperty("removed").GetInt32());
        Assert.Equal(["rack1"], (await TestMachines.FindAsync(host, first.SystemId))!.Tags);
        Assert.Empty((await TestMachines.FindAsync(host, second.SystemId))!.Tags);
    }

    [Fact]
    public async Task Update_nodes_with_a_stale_definition_is_409_and_tags_nothing()
    {
        using HttpClient admin = await AdminAsync();
        using var setup = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "defined"), ("definition", "//a")), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var machine = await TestMachines.AddAsync(host);
        using var response = await admin.PostAsync("MAAS/api/2.0/tags/defined/?op=update_nodes", Form(("add", machine.SystemId), ("definition", "//b")), Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Definition supplied '//b' doesn't match current definition '//a'", await response.TextAsync());
        Assert.Empty((await TestMachines.FindAsync(host, machine.SystemId))!.Tags);
    }

    [Fact]
    public async Task Op_machines_lists_the_tagged_machines_the_caller_may_view()
    {
        using HttpClient admin = await AdminAsync();
        using var setup = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "visible")), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        ApiUser user = await host.CreateUserAsync();
        var free = await TestMachines.AddAsync(host, configure: m => m.Tags = ["visible"]);
        var others = await TestMachines.AddAsync(host, configure: m => { m.Tags = ["visible"]; m.SetOwner("someone-else"); });
        await TestMachines.AddAsync(host);

        using var asAdmin = await admin.GetAsync("MAAS/api/2.0/tags/visible/?op=machines", Ct);
        var adminIds = (await asAdmin.JsonAsync()).EnumerateArray().Select(m => m.GetProperty("system_id").GetString()).ToList();
        Assert.Equal([free.SystemId, others.SystemId], adminIds);

        using var asUser = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/tags/visible/?op=machines", Ct);
        var machines = (await asUser.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([free.SystemId], machines.Select(m => m.GetProperty("system_id").GetString()));
        Assert.Equal(["visible"], machines[0].GetProperty("tag_names").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("default", machines[0].GetProperty("zone").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Renaming_a_tag_renames_it_on_machines_and_deleting_removes_it()
    {
        using HttpClient admin = await AdminAsync();
        using var setup = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "old-name")), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var machine = await TestMachines.AddAsync(host, configure: m => m.Tags = ["old-name"]);

        using var renamed = await admin.PutAsync("MAAS/api/2.0/tags/old-name/", Form(("name", "new-name")), Ct);
        Assert.Equal("new-name", (await renamed.JsonAsync()).GetProperty("name").GetString());
        Assert.Equal(["new-name"], (await TestMachines.FindAsync(host, machine.SystemId))!.Tags);

        using var deleted = await admin.DeleteAsync("MAAS/api/2.0/tags/new-name/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await StoredAsync("new-name"));
        Assert.Empty((await TestMachines.FindAsync(host, machine.SystemId))!.Tags);
    }

    [Fact]
    public async Task Unknown_tags_are_404_and_bad_names_400_dicts_that_create_nothing()
    {
        using HttpClient admin = await AdminAsync();
        using var read = await admin.GetAsync("MAAS/api/2.0/tags/nosuch/", Ct);
        using var machines = await admin.GetAsync("MAAS/api/2.0/tags/nosuch/?op=machines", Ct);
        using var nodes = await admin.PostAsync("MAAS/api/2.0/tags/nosuch/?op=update_nodes", Form(("add", "abc")), Ct);
        Assert.All([read, machines, nodes], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("No Tag matches the given query.", await read.TextAsync());

        using var bad = await admin.PostAsync("MAAS/api/2.0/tags/", Form(("name", "has space")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Enter a valid value.", (await bad.JsonAsync()).GetProperty("name")[0].GetString());
        Assert.Null(await StoredAsync("has space"));
    }
}
