using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

public sealed class MachinesOpsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Bulk_release_answers_the_released_ids_and_skips_ready_ones()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine mine = await host.AllocatedAsync(user);
        Machine ready = await host.ReadyAsync();
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "release",
            ("machines", mine.SystemId), ("machines", ready.SystemId), ("comment", "Released by Juju MAAS provider"));
        var json = await response.OkJsonAsync();
        Assert.Equal([mine.SystemId], json.EnumerateArray().Select(e => e.GetString()));
        Assert.Null((await host.FindAsync(mine.SystemId))!.Owner);
    }

    [Fact]
    public async Task Bulk_release_of_unknown_ids_is_400_and_of_another_users_machine_403()
    {
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        Machine alices = await host.AllocatedAsync(alice);
        using HttpClient client = host.Client(bob.ApiKey);
        using var unknown = await client.PostOpAsync(MachineRequests.Machines, "release", ("machines", "nosuch"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Unknown machine(s): nosuch.", await unknown.TextAsync());
        using var forbidden = await client.PostOpAsync(MachineRequests.Machines, "release", ("machines", alices.SystemId));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(MachineStatus.Allocated, (await host.FindAsync(alices.SystemId))!.Status);
    }

    [Fact]
    public async Task An_admin_accepts_new_machines_and_a_normal_user_may_not()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.NewAsync();
        using var refused = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "accept", ("machines", machine.SystemId));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(MachineStatus.New, (await host.FindAsync(machine.SystemId))!.Status);

        using var accepted = await host.Client(admin.ApiKey).PostCliAsync(MachineRequests.Machines, "accept", ("machines", machine.SystemId));
        var json = Assert.Single((await accepted.OkJsonAsync()).EnumerateArray());
        Assert.Equal("Commissioning", json.Str("status_name"));
    }

    [Fact]
    public async Task Accept_all_commissions_every_new_machine()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.NewAsync();
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "accept_all");
        var ids = (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id")).ToList();
        Assert.Contains(machine.SystemId, ids);
        Assert.Equal(MachineStatus.Commissioning, (await host.FindAsync(machine.SystemId))!.Status);
    }

    [Fact]
    public async Task List_allocated_shows_only_the_callers_allocated_machines()
    {
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        Machine alices = await host.AllocatedAsync(alice);
        await host.AllocatedAsync(bob);
        using var response = await host.Client(alice.ApiKey).GetPathAsync($"{MachineRequests.Machines}?op=list_allocated");
        Assert.Equal([alices.SystemId], (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id")));
    }

    [Fact]
    public async Task Set_zone_moves_machines_for_an_admin_only()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        Machine machine = await host.ReadyAsync();
        using var refused = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "set_zone", ("zone", zone), ("nodes", machine.SystemId));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var unknown = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "set_zone", ("zone", "nowhere"), ("nodes", machine.SystemId));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("default", (await host.FindAsync(machine.SystemId))!.Zone);

        using var moved = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "set_zone", ("zone", zone), ("nodes", machine.SystemId));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("null", await moved.TextAsync());
        Assert.Equal(zone, (await host.FindAsync(machine.SystemId))!.Zone);
    }

    [Fact]
    public async Task Power_parameters_of_many_machines_are_for_admins()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync(m => m.PowerParameters["power_address"] = "10.9.9.9");
        string path = $"{MachineRequests.Machines}?op=power_parameters&id={machine.SystemId}";
        using var refused = await host.Client(user.ApiKey).GetPathAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var response = await host.Client(admin.ApiKey).GetPathAsync(path);
        Assert.Equal("10.9.9.9", (await response.OkJsonAsync()).GetProperty(machine.SystemId).Str("power_address"));
    }

    [Fact]
    public async Task Clone_copies_interfaces_and_answers_204()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine source = await host.ReadyAsync();
        Machine destination = await host.ReadyAsync();
        using var response = await host.Client(admin.ApiKey).PostCliAsync(MachineRequests.Machines, "clone",
            ("source", source.SystemId), ("destinations", destination.SystemId), ("interfaces", "true"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
    }

    [Fact]
    public async Task Clone_reports_each_bad_destination_with_400_and_changes_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine source = await host.ReadyAsync();
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "clone",
            ("source", source.SystemId), ("destinations", source.SystemId), ("destinations", "nosuch"), ("storage", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Contains(json.GetProperty("destinations").EnumerateArray(), e => e.GetString()!.Contains("nosuch", StringComparison.Ordinal));
    }
}
