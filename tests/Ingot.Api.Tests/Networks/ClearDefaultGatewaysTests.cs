using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Api.Tests.Networks;

/// <summary><c>machines/{system_id}/?op=clear_default_gateways</c>: administrators only; the chosen gateway link is forgotten for both families.</summary>
public sealed class ClearDefaultGatewaysTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>A READY machine whose eth0 has a STATIC link chosen as the IPv4 default gateway: the machine and the gateway's address.</summary>
    private async Task<(Machine Machine, string Gateway, long LinkId)> GatewayedAsync(NetworkClient admin, Action<Machine>? configure = null)
    {
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr, ("gateway_ip", $"{prefix}.1"));
        Machine machine = await host.ReadyAsync(configure);
        JsonElement nic = await NetworkClient.OkAsync(admin.PostAsync(
            InterfaceFixtures.Interface(machine, machine.Interfaces[0].Id) + "?op=link_subnet", ("mode", "STATIC"), ("subnet", cidr), ("default_gateway", "true")));
        long linkId = Assert.Single(nic.GetProperty("links").EnumerateArray()).GetProperty("id").GetInt64();
        return (machine, $"{prefix}.1", linkId);
    }

    private static JsonElement Ipv4(JsonElement machine) => machine.GetProperty("default_gateways").GetProperty("ipv4");

    [Fact]
    public async Task An_admin_clears_the_chosen_gateway_and_the_machine_falls_back_to_its_first_gatewayed_link()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, string gateway, long linkId) = await GatewayedAsync(admin);
        JsonElement before = await NetworkClient.OkAsync(admin.GetAsync($"machines/{machine.SystemId}/"));

        JsonElement cleared = await NetworkClient.OkAsync(admin.PostAsync($"machines/{machine.SystemId}/?op=clear_default_gateways"));
        JsonElement again = await NetworkClient.OkAsync(admin.PostAsync($"machines/{machine.SystemId}/?op=clear_default_gateways"));

        Assert.Equal((gateway, linkId), (Ipv4(before).GetProperty("gateway_ip").GetString(), Ipv4(before).GetProperty("link_id").GetInt64()));
        Assert.Equal(($"/MAAS/api/2.0/machines/{machine.SystemId}/", "Ready"), (cleared.GetProperty("resource_uri").GetString(), cleared.GetProperty("status_name").GetString()));
        Assert.Equal(gateway, Ipv4(cleared).GetProperty("gateway_ip").GetString());
        Assert.Equal(JsonValueKind.Null, Ipv4(cleared).GetProperty("link_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, Ipv4(again).GetProperty("link_id").ValueKind);
        Machine stored = (await host.FindAsync(machine.SystemId))!;
        Assert.DoesNotContain(stored.Interfaces.SelectMany(i => i.Links), l => l.IsDefaultGateway);
        Assert.Single(stored.Interfaces[0].Links);
    }

    [Fact]
    public async Task A_normal_user_even_the_owner_is_refused_and_nothing_changes()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        ApiUser owner = await host.CreateUserAsync();
        (Machine machine, _, _) = await GatewayedAsync(admin, m => m.Acquire(Actor.User(owner.Username, false), TimeProvider.System.GetUtcNow().UtcDateTime));
        using var user = new NetworkClient(host.Client(owner.ApiKey));

        var (status, body) = await NetworkClient.FailAsync(user.PostAsync($"machines/{machine.SystemId}/?op=clear_default_gateways"));

        Assert.True(status == HttpStatusCode.Forbidden, $"{(int)status}: {body}");
        Assert.Contains((await host.FindAsync(machine.SystemId))!.Interfaces.SelectMany(i => i.Links), l => l.IsDefaultGateway);
    }

    [Fact]
    public async Task A_locked_machine_is_refused_and_an_unknown_one_is_404()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        ApiUser owner = await host.CreateUserAsync();
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr, ("gateway_ip", $"{prefix}.1"));
        Machine machine = await host.DeployingAsync(owner, m => m.Interfaces[0].Links.Add(
            new InterfaceLink { Mode = LinkMode.Static, Subnet = cidr, IpAddress = $"{prefix}.10", IsDefaultGateway = true }));
        await NetworkClient.OkAsync(admin.PostAsync($"machines/{machine.SystemId}/?op=lock"));

        var (locked, lockedBody) = await NetworkClient.FailAsync(admin.PostAsync($"machines/{machine.SystemId}/?op=clear_default_gateways"));
        var (unknown, unknownBody) = await NetworkClient.FailAsync(admin.PostAsync("machines/nosuch/?op=clear_default_gateways"));

        Assert.True(locked == HttpStatusCode.Forbidden, $"{(int)locked}: {lockedBody}");
        Assert.Contains((await host.FindAsync(machine.SystemId))!.Interfaces.SelectMany(i => i.Links), l => l.IsDefaultGateway);
        Assert.Equal((HttpStatusCode.NotFound, "No Machine matches the given query."), (unknown, unknownBody));
    }
}
