using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Tags;
using Ingot.Core.Events;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Events;

public sealed class EventsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A machine with four events: INFO, DEBUG, AUDIT (by alice), WARNING, one minute apart.</summary>
    private Task<Machine> MachineWithEventsAsync(Action<Machine>? configure = null) => TestMachines.AddAsync(host, configure: m =>
    {
        TestMachines.Event(m, EventTypes.NodeChangedStatus, "From 'New' to 'Commissioning'", 0);
        TestMachines.Event(m, EventTypes.NodeStatusEvent, "cloud-init running", 1);
        TestMachines.Event(m, EventTypes.RequestNodeAcquire, "acquired", 2, "alice");
        TestMachines.Event(m, EventTypes.NodePowerQueryFailed, "BMC unreachable", 3);
        configure?.Invoke(m);
    });

    private async Task<JsonElement> QueryAsync(ApiUser user, string query)
    {
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/events/?op=query&" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task Query_returns_INFO_and_above_newest_first_in_MAAS_shape()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await MachineWithEventsAsync();
        JsonElement json = await QueryAsync(admin, $"id={machine.SystemId}");
        Assert.Equal(2, json.GetProperty("count").GetInt32());
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["WARNING", "INFO"], events.Select(e => e.GetProperty("level").GetString()));
        JsonElement info = events[1];
        Assert.Equal(["username", "node", "hostname", "id", "level", "created", "type", "description", "action"], info.EnumerateObject().Select(p => p.Name));
        Assert.Equal("unknown", info.GetProperty("username").GetString());
        Assert.Equal(machine.SystemId, info.GetProperty("node").GetString());
        Assert.Equal(machine.Hostname, info.GetProperty("hostname").GetString());
        Assert.Equal("Tue, 04 Mar. 2025 05:06:07", info.GetProperty("created").GetString());
        Assert.Equal("Node changed status", info.GetProperty("type").GetString());
        Assert.Equal("From 'New' to 'Commissioning'", info.GetProperty("description").GetString());
        Assert.True(events[0].GetProperty("id").GetInt64() > info.GetProperty("id").GetInt64());
        Assert.Equal($"/MAAS/api/2.0/events/?op=query&id={machine.SystemId}&after={events[0].GetProperty("id").GetInt64()}", json.GetProperty("next_uri").GetString());
        Assert.Equal($"/MAAS/api/2.0/events/?op=query&id={machine.SystemId}&before={info.GetProperty("id").GetInt64()}", json.GetProperty("prev_uri").GetString());
    }

    [Fact]
    public async Task Level_DEBUG_is_a_minimum_and_AUDIT_means_audit_events_only()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await MachineWithEventsAsync();
        JsonElement debug = await QueryAsync(admin, $"id={machine.SystemId}&level=DEBUG");
        Assert.Equal(["WARNING", "DEBUG", "INFO"], debug.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("level").GetString()));
        JsonElement audit = await QueryAsync(admin, $"id={machine.SystemId}&level=AUDIT");
        JsonElement only = Assert.Single(audit.GetProperty("events").EnumerateArray().ToList());
        Assert.Equal("alice", only.GetProperty("username").GetString());
        JsonElement owner = await QueryAsync(admin, $"id={machine.SystemId}&level=AUDIT&owner=bob");
        Assert.Equal(0, owner.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Limit_and_before_after_page_through_the_events()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await MachineWithEventsAsync();
        var all = (await QueryAsync(admin, $"id={machine.SystemId}&level=DEBUG")).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();

        JsonElement first = await QueryAsync(admin, $"id={machine.SystemId}&level=DEBUG&limit=1");
        Assert.Equal([all[0]], first.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        JsonElement older = await QueryAsync(admin, $"id={machine.SystemId}&level=DEBUG&before={all[0]}");
        Assert.Equal(all[1..], older.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        JsonElement newer = await QueryAsync(admin, $"id={machine.SystemId}&level=DEBUG&after={all[2]}&limit=1");
        Assert.Equal([all[1]], newer.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        JsonElement none = await QueryAsync(admin, $"id={machine.SystemId}&after={all[0]}");
        Assert.Equal(0, none.GetProperty("count").GetInt32());
        Assert.Equal($"/MAAS/api/2.0/events/?op=query&id={machine.SystemId}&before={all[0] + 1}", none.GetProperty("prev_uri").GetString());
    }

    [Fact]
    public async Task Hostname_mac_and_zone_filters_narrow_the_machines()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine wanted = await MachineWithEventsAsync(m =>
        {
            m.Interfaces.Add(TestMachines.Nic("eth0", "52:54:00:aa:bb:01"));
            m.Zone = "zone-for-events";
        });
        await MachineWithEventsAsync();

        foreach (string filter in new[] { $"hostname={wanted.Hostname}.maas", "mac_address=52:54:00:AA:BB:01", "zone=zone-for-events" })
        {
            JsonElement json = await QueryAsync(admin, filter);
            Assert.All(json.GetProperty("events").EnumerateArray(), e => Assert.Equal(wanted.SystemId, e.GetProperty("node").GetString()));
            Assert.Equal(2, json.GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task A_normal_user_sees_only_events_of_machines_they_may_view()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine mine = await MachineWithEventsAsync(m => m.SetOwner(user.Username));
        Machine theirs = await MachineWithEventsAsync(m => m.SetOwner("someone-else"));
        JsonElement json = await QueryAsync(user, $"id={mine.SystemId}&id={theirs.SystemId}");
        Assert.All(json.GetProperty("events").EnumerateArray(), e => Assert.Equal(mine.SystemId, e.GetProperty("node").GetString()));
        Assert.Equal(2, json.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("level=LOUD", "Unrecognised log level: LOUD")]
    [InlineData("limit=1001", "Requested number of events 1001 is greater than limit: 1000")]
    [InlineData("limit=many", "Invalid limit: Please enter an integer value")]
    [InlineData("before=3&after=1", "There is undetermined behaviour when both `after` and `before` are specified.")]
    [InlineData("mac_address=zz", "Invalid MAC address(es): zz")]
    public async Task Bad_parameters_are_400_with_MAAS_text(string query, string message)
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/events/?op=query&" + query, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.TextAsync());
    }

    [Fact]
    public async Task Events_without_an_op_is_an_unrecognised_signature()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/events/", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unrecognised signature: method=GET op=None", await response.TextAsync());
    }
}
