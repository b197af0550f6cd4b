using System.Net;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Api.Tests.Machines;

public sealed class MachineItemTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_renders_the_machine()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var response = await host.Client(user.ApiKey).GetPathAsync(MachineRequests.Item(machine.SystemId));
        var json = await response.OkJsonAsync();
        Assert.Equal(machine.SystemId, json.Str("system_id"));
        Assert.Equal("Ready", json.Str("status_name"));
        Assert.Equal("From 'Commissioning' to 'Ready'", json.Str("status_message").Split(" - ")[^1]);
    }

    [Fact]
    public async Task An_unknown_or_invisible_machine_is_404()
    {
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        Machine alices = await host.AllocatedAsync(alice);
        using HttpClient client = host.Client(bob.ApiKey);
        foreach (string id in new[] { "nosuch", alices.SystemId })
        {
            using var response = await client.GetPathAsync(MachineRequests.Item(id));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("No Machine matches the given query.", await response.TextAsync());
        }
    }

    [Fact]
    public async Task An_admin_updates_a_machine_with_the_maas_cli()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string zone = await host.ZoneAsync();
        Machine machine = await host.ReadyAsync();
        var content = Infrastructure.MaasMultipart.Build(
            ("hostname", "renamed"), ("description", "moved"), ("cpu_count", "32"), ("memory", "65536"),
            ("zone", zone), ("power_type", "ipmi"), ("power_parameters_power_address", "10.2.2.2"), ("architecture", "arm64"));
        using var response = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(machine.SystemId), content, Ct);
        var json = await response.OkJsonAsync();
        Assert.Equal("renamed", json.Str("hostname"));
        Assert.Equal("moved", json.Str("description"));
        Assert.Equal(32, json.GetProperty("cpu_count").GetInt32());
        Assert.Equal(65536, json.GetProperty("memory").GetInt64());
        Assert.Equal(zone, json.GetProperty("zone").Str("name"));
        Assert.Equal("arm64/generic", json.Str("architecture"));
        Assert.Equal($"/MAAS/api/2.0/machines/{machine.SystemId}/", json.Str("resource_uri"));
        Assert.Equal("10.2.2.2", (await host.FindAsync(machine.SystemId))!.PowerParameters["power_address"]);
    }

    [Theory]
    [InlineData("cpu_count", "many", """{"cpu_count":["Enter a whole number."]}""")]
    [InlineData("memory", "-1", """{"memory":["Ensure this value is greater than or equal to 0."]}""")]
    [InlineData("zone", "nowhere", """{"zone":["Select a valid choice. That choice is not one of the available choices."]}""")]
    [InlineData("hostname", "bad_name", """{"hostname":["Label contains disallowed characters: 'bad_name'"]}""")]
    public async Task A_bad_update_is_400_and_changes_nothing(string field, string value, string body)
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync();
        using var response = await host.Client(admin.ApiKey).PutAsync(
            MachineRequests.Item(machine.SystemId), new FormUrlEncodedContent([new("description", "changed"), new(field, value)]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(JsonNode.Parse(body)!.ToJsonString(), JsonNode.Parse(await response.TextAsync())!.ToJsonString());
        Assert.Equal("", (await host.FindAsync(machine.SystemId))!.Description);
    }

    [Fact]
    public async Task Renaming_to_another_machines_hostname_is_maas_400_and_to_its_own_is_no_collision()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine other = await host.ReadyAsync();
        Machine machine = await host.ReadyAsync();

        using var taken = await host.Client(admin.ApiKey).PutAsync(
            MachineRequests.Item(machine.SystemId), new FormUrlEncodedContent([new("description", "changed"), new("hostname", other.Hostname)]), Ct);
        using var own = await host.Client(admin.ApiKey).PutAsync(
            MachineRequests.Item(machine.SystemId), new FormUrlEncodedContent([new("hostname", machine.Hostname)]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("""{"hostname":["Node with this Hostname already exists."]}""", await taken.TextAsync());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Machine stored = (await host.FindAsync(machine.SystemId))!;
        Assert.Equal((machine.Hostname, ""), (stored.Hostname, stored.Description));
    }

    [Fact]
    public async Task Update_is_for_admins_and_refused_on_a_locked_machine()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        Machine locked = await host.DeployingAsync(admin, m => m.Lock(Actor.User(admin.Username, true), m.Updated));
        using var byUser = await host.Client(user.ApiKey).PutAsync(MachineRequests.Item(machine.SystemId), new FormUrlEncodedContent([new("description", "x")]), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        using var onLocked = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(locked.SystemId), new FormUrlEncodedContent([new("description", "x")]), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, onLocked.StatusCode);
        Assert.Equal("", (await host.FindAsync(locked.SystemId))!.Description);
    }

    [Fact]
    public async Task Delete_is_204_for_an_admin_and_403_for_a_user()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var refused = await host.Client(user.ApiKey).DeleteAsync(MachineRequests.Item(machine.SystemId), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull(await host.FindAsync(machine.SystemId));

        using var deleted = await host.Client(admin.ApiKey).DeleteAsync(MachineRequests.Item(machine.SystemId), Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await host.FindAsync(machine.SystemId));
    }

    [Fact]
    public async Task Set_owner_data_stores_annotations_for_the_owner_and_an_empty_value_deletes()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.AllocatedAsync(user);
        using HttpClient client = host.Client(user.ApiKey);
        using var set = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "set_owner_data", ("juju-model", "m1"), ("other", "x"));
        var json = await set.OkJsonAsync();
        Assert.Equal("m1", json.GetProperty("owner_data").Str("juju-model"));
        Assert.Equal("m1", json.GetProperty("workload_annotations").Str("juju-model"));

        using var cleared = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "set_workload_annotations", ("other", ""));
        Assert.Equal("""{"juju-model":"m1"}""", (await cleared.OkJsonAsync()).GetProperty("owner_data").GetRawText());
    }

    [Fact]
    public async Task Set_owner_data_on_an_unowned_machine_is_409()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "set_owner_data", ("k", "v"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Cannot set workload annotation: it hasn't been acquired.", await response.TextAsync());
    }
}
