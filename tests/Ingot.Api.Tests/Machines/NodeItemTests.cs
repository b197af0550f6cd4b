using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <c>nodes/{system_id}/</c> (MAAS's <c>NodeHandler</c>): read, delete, <c>details</c> and <c>power_parameters</c>,
/// each the machine's own answer, with "No Node matches the given query." for a node the caller may not view.
/// </summary>
public sealed class NodeItemTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Node(Machine machine) => $"MAAS/api/2.0/nodes/{machine.SystemId}/";

    [Fact]
    public async Task Read_is_the_machine_object_with_its_machines_resource_uri()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using HttpClient client = host.Client(user.ApiKey);

        using var node = await client.GetPathAsync(Node(machine));
        using var item = await client.GetPathAsync(MachineRequests.Item(machine.SystemId));

        Assert.Equal("application/json; charset=utf-8", node.ContentType());
        Assert.Equal(await item.TextAsync(), await node.TextAsync());
        var json = await node.OkJsonAsync();
        Assert.Equal(($"/MAAS/api/2.0/machines/{machine.SystemId}/", "Ready", machine.Hostname), (json.Str("resource_uri"), json.Str("status_name"), json.Str("hostname")));
        Assert.True(node.Headers.Contains("X-MAAS-API-Hash"));
    }

    [Fact]
    public async Task A_node_the_caller_may_not_view_or_that_does_not_exist_is_404_for_every_op()
    {
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        Machine bobs = await host.AllocatedAsync(bob);
        using HttpClient client = host.Client(alice.ApiKey);

        foreach (string path in new[] { Node(bobs), Node(bobs) + "?op=details", Node(bobs) + "?op=power_parameters", "MAAS/api/2.0/nodes/nosuch/" })
        {
            using var response = await client.GetPathAsync(path);
            Assert.Equal((HttpStatusCode.NotFound, "No Node matches the given query."), (response.StatusCode, await response.TextAsync()));
        }

        using var delete = await client.DeleteAsync(Node(bobs), Ct);
        Assert.Equal((HttpStatusCode.NotFound, "No Node matches the given query."), (delete.StatusCode, await delete.TextAsync()));
        Assert.NotNull(await host.FindAsync(bobs.SystemId));
    }

    [Fact]
    public async Task Delete_is_for_administrators_and_answers_204()
    {
        ApiUser user = await host.CreateUserAsync();
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync();

        using var refused = await host.Client(user.ApiKey).DeleteAsync(Node(machine), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull(await host.FindAsync(machine.SystemId));

        using var deleted = await host.Client(admin.ApiKey).DeleteAsync(Node(machine), Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.NotNull(deleted.Content.Headers.ContentType);
        Assert.Null(await host.FindAsync(machine.SystemId));
        using var gone = await host.Client(admin.ApiKey).GetPathAsync(Node(machine));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Details_is_the_bson_document_and_power_parameters_are_for_administrators()
    {
        ApiUser user = await host.CreateUserAsync();
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync(m => m.PowerParameters = new Dictionary<string, string> { ["power_pass"] = "secret" });
        using HttpClient client = host.Client(user.ApiKey);

        using var details = await client.GetPathAsync(Node(machine) + "?op=details");
        Assert.Equal("application/bson", details.ContentType());
        byte[] expected = [17, 0, 0, 0, 0x0A, .. "lldp"u8, 0, 0x0A, .. "lshw"u8, 0, 0];
        Assert.Equal(expected, await details.Content.ReadAsByteArrayAsync(Ct));

        using var refused = await client.GetPathAsync(Node(machine) + "?op=power_parameters");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var parameters = await host.Client(admin.ApiKey).GetPathAsync(Node(machine) + "?op=power_parameters");
        Assert.Equal("secret", (await parameters.OkJsonAsync()).Str("power_pass"));
    }

    [Fact]
    public async Task Post_and_put_are_405_as_the_node_handler_has_none_and_unknown_ops_are_unrecognised_signatures()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync();
        using HttpClient client = host.Client(admin.ApiKey);

        using var deploy = await client.PostOpAsync(Node(machine), "deploy");
        using var update = await client.PutAsync(Node(machine), new FormUrlEncodedContent([new("hostname", "renamed")]), Ct);
        using var unknown = await client.GetPathAsync(Node(machine) + "?op=deploy");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, deploy.StatusCode);
        Assert.Equal(["DELETE", "GET"], deploy.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, update.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "Unrecognised signature: method=GET op=deploy"), (unknown.StatusCode, await unknown.TextAsync()));
        Machine stored = (await host.FindAsync(machine.SystemId))!;
        Assert.Equal((MachineStatus.Ready, machine.Hostname), (stored.Status, stored.Hostname));
    }
}
