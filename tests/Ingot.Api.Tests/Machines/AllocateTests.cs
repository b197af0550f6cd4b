using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

public sealed class AllocateTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Allocate_with_cli_constraints_takes_the_matching_machine_for_the_caller()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        string tag = await host.TagAsync();
        await host.ReadyAsync(m => { m.Zone = zone; m.CpuCount = 2; m.Tags.Add(tag); });
        Machine big = await host.ReadyAsync(m => { m.Zone = zone; m.CpuCount = 16; m.Tags.Add(tag); });

        using var response = await host.Client(user.ApiKey).PostCliAsync(MachineRequests.Machines, "allocate",
            ("zone", zone), ("tags", tag), ("cpu_count", "8"), ("agent_name", "juju-model"), ("comment", "test"));
        var json = await response.OkJsonAsync();
        Assert.Equal(big.SystemId, json.Str("system_id"));
        Assert.Equal(10, json.GetProperty("status").GetInt32());
        Assert.Equal("Allocated", json.Str("status_name"));
        Assert.Equal(user.Username, json.Str("owner"));
        Assert.Equal("{}", json.GetProperty("constraints_by_type").GetRawText());
        Assert.Equal("juju-model", (await host.FindAsync(big.SystemId))!.AgentName);
    }

    [Fact]
    public async Task A_storage_constraint_reports_the_disk_in_constraints_by_type()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        Machine machine = await host.ReadyAsync(m => m.Zone = zone);
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "allocate", ("zone", zone), ("storage", "root:100"));
        var json = await response.OkJsonAsync();
        long diskId = json.GetProperty("blockdevice_set")[0].GetProperty("id").GetInt64();
        Assert.Equal(machine.SystemId, json.Str("system_id"));
        Assert.Equal("{\"storage\":{\"root\":[" + diskId + "]}}", json.GetProperty("constraints_by_type").GetRawText());
    }

    [Fact]
    public async Task Dry_run_chooses_without_allocating()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        Machine machine = await host.ReadyAsync(m => m.Zone = zone);
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "allocate", ("zone", zone), ("dry_run", "true"));
        Assert.Equal(machine.SystemId, (await response.OkJsonAsync()).Str("system_id"));
        Assert.Equal(MachineStatus.Ready, (await host.FindAsync(machine.SystemId))!.Status);
    }

    [Fact]
    public async Task An_unknown_constraint_is_400_and_allocates_nothing()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        Machine machine = await host.ReadyAsync(m => m.Zone = zone);
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "allocate", ("zone", zone), ("foo", "bar"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"foo":["No such constraint."]}""", await response.TextAsync());
        Assert.Equal(MachineStatus.Ready, (await host.FindAsync(machine.SystemId))!.Status);
    }

    [Fact]
    public async Task An_unknown_tag_is_400_naming_it()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "allocate", ("tags", "no-such-tag"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No such tag(s): 'no-such-tag'.", (await response.JsonAsync()).GetProperty("tags")[0].GetString());
    }

    [Fact]
    public async Task Nothing_matching_is_409_with_the_constraints_in_MAAS_words()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        await host.ReadyAsync(m => { m.Zone = zone; m.CpuCount = 2; });
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Machines, "allocate", ("zone", zone), ("cpu_count", "64"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Equal(
            $"No available machine matches constraints: [('zone', ['{zone}']), ('cpu_count', ['64'])] (resolved to \"cpu_count=64.0 zone={zone}\")",
            await response.TextAsync());
    }

    [Fact]
    public async Task Another_users_ready_machine_is_never_allocated_to_a_caller_who_cannot_edit_it()
    {
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        Machine alices = await host.AllocatedAsync(alice);
        using var response = await host.Client(bob.ApiKey).PostOpAsync(MachineRequests.Machines, "allocate", ("system_id", alices.SystemId));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(alice.Username, (await host.FindAsync(alices.SystemId))!.Owner);
    }
}
