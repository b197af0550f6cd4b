using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

public sealed class NodesTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Nodes_lists_what_the_user_may_view()
    {
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        Machine free = await host.ReadyAsync();
        Machine bobs = await host.AllocatedAsync(bob);
        using var response = await host.Client(alice.ApiKey).GetPathAsync($"MAAS/api/2.0/nodes/?id={free.SystemId}&id={bobs.SystemId}");
        Assert.Equal([free.SystemId], (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id")));
    }

    [Fact]
    public async Task Interfaces_of_a_node_carry_their_mac_and_node_resource_uri()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var response = await host.Client(user.ApiKey).GetPathAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/interfaces/");
        var nic = Assert.Single((await response.OkJsonAsync()).EnumerateArray());
        long id = machine.Interfaces[0].Id;
        Assert.Equal(machine.Interfaces[0].MacAddress.ToString(), nic.Str("mac_address"));
        Assert.Equal($"/MAAS/api/2.0/nodes/{machine.SystemId}/interfaces/{id}/", nic.Str("resource_uri"));
    }

    [Fact]
    public async Task Block_devices_of_a_node_carry_their_size()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var response = await host.Client(user.ApiKey).GetPathAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/blockdevices/");
        var disk = Assert.Single((await response.OkJsonAsync()).EnumerateArray());
        Assert.Equal(500_000_000_000, disk.GetProperty("size").GetInt64());
        Assert.Equal("sda", disk.Str("name"));
    }

    [Fact]
    public async Task Devices_of_an_invisible_node_are_404()
    {
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        Machine bobs = await host.AllocatedAsync(bob);
        using var response = await host.Client(alice.ApiKey).GetPathAsync($"MAAS/api/2.0/nodes/{bobs.SystemId}/blockdevices/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No Node matches the given query.", await response.TextAsync());
    }

    [Fact]
    public async Task Anonymous_nodes_is_registered_answers_for_a_ready_machine()
    {
        Machine machine = await host.ReadyAsync();
        using var response = await host.Anonymous().GetPathAsync($"MAAS/api/2.0/nodes/?op=is_registered&mac_address={machine.Interfaces[0].MacAddress}");
        Assert.Equal("true", await response.TextAsync());
    }
}
