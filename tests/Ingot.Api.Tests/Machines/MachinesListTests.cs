using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

public sealed class MachinesListTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_normal_user_sees_unowned_and_own_machines_but_not_another_users()
    {
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine free = await host.ReadyAsync();
        Machine alices = await host.AllocatedAsync(alice);
        Machine bobs = await host.AllocatedAsync(bob);
        string query = $"{MachineRequests.Machines}?id={free.SystemId}&id={alices.SystemId}&id={bobs.SystemId}";

        using var asAlice = await host.Client(alice.ApiKey).GetPathAsync(query);
        string[] seen = [.. (await asAlice.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id"))];
        Assert.Equal([free.SystemId, alices.SystemId], seen);

        using var asAdmin = await host.Client(admin.ApiKey).GetPathAsync(query);
        string[] all = [.. (await asAdmin.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id"))];
        Assert.Equal([free.SystemId, alices.SystemId, bobs.SystemId], all);
    }

    [Fact]
    public async Task The_list_renders_the_machine_object_with_status_and_resource_uri()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var response = await host.Client(user.ApiKey).GetPathAsync($"{MachineRequests.Machines}?hostname={machine.Hostname}");
        var json = Assert.Single((await response.OkJsonAsync()).EnumerateArray());
        Assert.Equal(4, json.GetProperty("status").GetInt32());
        Assert.Equal("Ready", json.Str("status_name"));
        Assert.Equal($"/MAAS/api/2.0/machines/{machine.SystemId}/", json.Str("resource_uri"));
        Assert.Equal("default", json.GetProperty("zone").Str("name"));
        Assert.Equal(1, json.GetProperty("interface_set").GetArrayLength());
        Assert.Equal("application/json; charset=utf-8", response.ContentType());
    }

    [Fact]
    public async Task Filters_by_zone_tags_and_status_pick_only_matching_machines()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        string tag = await host.TagAsync();
        Machine tagged = await host.ReadyAsync(m => { m.Zone = zone; m.Tags.Add(tag); });
        await host.ReadyAsync(m => m.Zone = zone);

        using var response = await host.Client(user.ApiKey).GetPathAsync($"{MachineRequests.Machines}?zone={zone}&tags={tag}&status=ready");
        Assert.Equal([tagged.SystemId], (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id")));
    }

    [Fact]
    public async Task An_unknown_filter_is_400_no_such_constraint()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetPathAsync($"{MachineRequests.Machines}?foo=bar");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"foo":["No such constraint."]}""", await response.TextAsync());
    }

    [Fact]
    public async Task An_unknown_zone_filter_is_400_naming_the_zone()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetPathAsync($"{MachineRequests.Machines}?zone=nowhere");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"zone":["No such zone(s): nowhere."]}""", await response.TextAsync());
    }

    [Fact]
    public async Task Anonymous_callers_cannot_list_machines()
    {
        await host.ReadyAsync();
        using var response = await host.Anonymous().GetPathAsync(MachineRequests.Machines);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unrecognised signature: method=GET op=None", await response.TextAsync());
    }
}
