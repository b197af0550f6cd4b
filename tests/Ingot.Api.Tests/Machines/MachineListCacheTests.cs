using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Zones;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <c>GET machines/</c> reuses each machine's list JSON while the machine, its latest event, its current script sets
/// and the zones/pools/domains/networks are unchanged: every kind of change must be in the very next list,
/// and the reused JSON must be what a fresh item read renders. Permissions and filters still apply
/// to machines read earlier by someone else.
/// </summary>
public sealed class MachineListCacheTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_change_is_in_the_next_list()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        Machine machine = await host.ReadyAsync();
        await ListedAsync(client, machine.SystemId);

        machine.Description = "changed after the first list";
        machine.Interfaces.Add(new Core.Hardware.NetworkInterface { Name = "eth9", MacAddress = MachineSeeds.RandomMac() });
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, Ct);

        JsonNode listed = await ListedAsync(client, machine.SystemId);
        Assert.Equal("changed after the first list", (string?)listed["description"]);
        Assert.Equal(2, listed["interface_set"]!.AsArray().Count);
        await AssertSameAsItemAsync(client, machine.SystemId, listed);
    }

    [Fact]
    public async Task An_op_through_the_api_is_in_the_next_list_with_its_status_message()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        Machine machine = await host.ReadyAsync();
        JsonNode before = await ListedAsync(client, machine.SystemId);
        Assert.Equal("Ready", (string?)before["status_name"]);

        using var allocated = await client.PostOpAsync(MachineRequests.Machines, "allocate", ("system_id", machine.SystemId));
        await allocated.OkJsonAsync();

        JsonNode after = await ListedAsync(client, machine.SystemId);
        Assert.Equal("Allocated", (string?)after["status_name"]);
        Assert.Equal(admin.Username, (string?)after["owner"]);
        await AssertSameAsItemAsync(client, machine.SystemId, after);
    }

    [Fact]
    public async Task A_script_set_made_or_changed_without_saving_the_machine_is_in_the_next_list()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        Machine machine = await host.ReadyAsync();
        JsonNode before = await ListedAsync(client, machine.SystemId);
        Assert.Null(before["current_testing_result_id"]);
        before = await ListedAsync(client, machine.SystemId);
        Assert.Null(before["current_testing_result_id"]);

        // The machine's row is not saved: its version, and so the cache's reason to render it again, stay.
        var results = host.Services.GetRequiredService<IScriptResultStore>();
        long version = (await host.FindAsync(machine.SystemId))!.Version;
        ScriptSet tests = await MachineScriptSetsTests.AddAsync(results, machine, ScriptSetKind.Testing, ("memtester", ScriptStatus.Running));
        JsonNode listed = await ListedAsync(client, machine.SystemId);
        Assert.Equal((tests.Id, 1), ((long?)listed["current_testing_result_id"], (int)listed["testing_status"]!));
        await AssertSameAsItemAsync(client, machine.SystemId, listed);

        tests.Results[0].Status = ScriptStatus.Passed;
        await results.SaveSetAsync(tests, Ct);
        listed = await ListedAsync(client, machine.SystemId);
        Assert.Equal((2, "Passed"), ((int)listed["testing_status"]!, (string?)listed["testing_status_name"]));
        await AssertSameAsItemAsync(client, machine.SystemId, listed);
        Assert.Equal(version, (await host.FindAsync(machine.SystemId))!.Version);
    }

    [Fact]
    public async Task A_zone_description_change_is_in_the_next_list()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        string zone = await host.ZoneAsync();
        Machine machine = await host.ReadyAsync(m => m.Zone = zone);
        Assert.Equal("seeded", (string?)(await ListedAsync(client, machine.SystemId))["zone"]!["description"]);

        var zones = host.Services.GetRequiredService<IZoneStore>();
        Zone stored = (await zones.FindAsync(zone, Ct))!;
        stored.Description = "described again";
        Assert.True(await zones.UpdateAsync(zone, stored, Ct));

        JsonNode listed = await ListedAsync(client, machine.SystemId);
        Assert.Equal("described again", (string?)listed["zone"]!["description"]);
        await AssertSameAsItemAsync(client, machine.SystemId, listed);
    }

    [Fact]
    public async Task A_deleted_machine_leaves_the_next_list()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        Machine machine = await host.ReadyAsync();
        await ListedAsync(client, machine.SystemId);

        await host.Services.GetRequiredService<IMachineStore>().DeleteAsync(machine, Ct);

        using var response = await client.GetPathAsync(MachineRequests.Machines);
        Assert.DoesNotContain(machine.SystemId, (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id")));
    }

    [Fact]
    public async Task Machines_an_admin_listed_first_are_still_hidden_from_a_user_who_may_not_view_them()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        Machine free = await host.ReadyAsync();
        Machine alices = await host.AllocatedAsync(alice);
        Machine bobs = await host.AllocatedAsync(bob);
        using HttpClient asAdmin = host.Client(admin.ApiKey);
        using var warm = await asAdmin.GetPathAsync(MachineRequests.Machines);
        string[] all = [.. (await warm.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id"))];
        Assert.Contains(bobs.SystemId, all);

        using var asAlice = await host.Client(alice.ApiKey).GetPathAsync(MachineRequests.Machines);
        string[] seen = [.. (await asAlice.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id"))];
        Assert.Contains(free.SystemId, seen);
        Assert.Contains(alices.SystemId, seen);
        Assert.DoesNotContain(bobs.SystemId, seen);

        using var filtered = await asAdmin.GetPathAsync($"{MachineRequests.Machines}?hostname={alices.Hostname}");
        Assert.Equal([alices.SystemId], (await filtered.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id")));
    }

    /// <summary>The machine's object in a full list (the first list of a test also fills the cache).</summary>
    private static async Task<JsonNode> ListedAsync(HttpClient client, string systemId)
    {
        using var response = await client.GetPathAsync(MachineRequests.Machines);
        JsonArray list = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
        return list.Single(m => (string?)m!["system_id"] == systemId)!;
    }

    /// <summary>The listed object carries the same values as a fresh item read (which never reuses JSON).</summary>
    private static async Task AssertSameAsItemAsync(HttpClient client, string systemId, JsonNode listed)
    {
        using var item = await client.GetPathAsync(MachineRequests.Item(systemId));
        JsonNode fresh = JsonNode.Parse(await item.Content.ReadAsStringAsync(Ct))!;
        Assert.True(JsonNode.DeepEquals(fresh, listed), $"list: {listed.ToJsonString()}\nitem: {fresh.ToJsonString()}");
    }
}
