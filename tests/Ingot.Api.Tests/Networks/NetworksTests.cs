using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Tags;
using Ingot.Core.Networks;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Networks;

/// <summary>Fabrics, VLANs, spaces and subnets as stored (MAAS's default fabric-0 and its untagged VLAN 5001 to start with).</summary>
public sealed class NetworksTests(ApiHost host) : IClassFixture<ApiHost>
{
    private Task<NetworkModel> StoredAsync() => host.Services.GetRequiredService<INetworkStore>().LoadAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task There_are_no_spaces_by_default()
    {
        using NetworkClient user = await NetworkClient.UserAsync(host);
        Assert.Empty((await NetworkClient.OkAsync(user.GetAsync("spaces/"))).EnumerateArray());
    }

    // Before the network model was stored, Ingot invented a VLAN per VID seen on an interface; MAAS does
    // not: VLANs exist only when created (or discovered by commissioning), so fabric-0 has just its untagged VLAN.
    [Fact]
    public async Task Fabric_0_has_its_untagged_VLAN_5001_and_interfaces_do_not_invent_VLANs()
    {
        await TestMachines.AddAsync(host, configure: m => m.Interfaces.Add(TestMachines.Nic("eth0.42", "52:54:00:00:42:01", vid: 42)));
        using NetworkClient user = await NetworkClient.UserAsync(host);

        JsonElement fabric = (await NetworkClient.OkAsync(user.GetAsync("fabrics/"))).EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == 0);
        Assert.Equal("fabric-0", fabric.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, fabric.GetProperty("class_type").ValueKind);
        Assert.Equal("/MAAS/api/2.0/fabrics/0/", fabric.GetProperty("resource_uri").GetString());
        JsonElement vlan = Assert.Single(fabric.GetProperty("vlans").EnumerateArray());
        Assert.Equal((5001, "untagged", 0, "undefined"), (vlan.GetProperty("id").GetInt64(), vlan.GetProperty("name").GetString(), vlan.GetProperty("vid").GetInt32(), vlan.GetProperty("space").GetString()));
        Assert.Equal("/MAAS/api/2.0/vlans/5001/", vlan.GetProperty("resource_uri").GetString());

        var byName = await NetworkClient.OkAsync(user.GetAsync("fabrics/fabric-0/vlans/"));
        var byVid = await NetworkClient.OkAsync(user.GetAsync("fabrics/0/vlans/0/"));
        var byId = await NetworkClient.OkAsync(user.GetAsync("vlans/5001/"));
        Assert.Equal(5001, Assert.Single(byName.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal((5001L, 5001L), (byVid.GetProperty("id").GetInt64(), byId.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task An_unknown_fabric_is_404()
    {
        using NetworkClient user = await NetworkClient.UserAsync(host);
        var (status, body) = await NetworkClient.FailAsync(user.GetAsync("fabrics/3000/vlans/"));
        Assert.Equal((HttpStatusCode.NotFound, "No Fabric matches the given query."), (status, body));
    }

    [Fact]
    public async Task A_subnet_without_a_VLAN_goes_on_fabric_0_untagged_and_is_found_by_id_name_and_CIDR()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, string prefix) = NetworkClient.NewSubnet();

        JsonElement created = await admin.CreateSubnetAsync(cidr, ("gateway_ip", $"{prefix}.1"), ("dns_servers", $"{prefix}.2"));
        long id = created.GetProperty("id").GetInt64();

        Assert.Equal((cidr, cidr, 5001L), (created.GetProperty("name").GetString(), created.GetProperty("cidr").GetString(), created.GetProperty("vlan").GetProperty("id").GetInt64()));
        Assert.Equal(($"{prefix}.1", "undefined", true), (created.GetProperty("gateway_ip").GetString(), created.GetProperty("space").GetString(), created.GetProperty("managed").GetBoolean()));
        Assert.Equal([$"{prefix}.2"], created.GetProperty("dns_servers").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal($"/MAAS/api/2.0/subnets/{id}/", created.GetProperty("resource_uri").GetString());
        foreach (string specifier in new[] { $"{id}", cidr, $"cidr:{cidr}", $"name:{cidr}", $"ip:{prefix}.77" })
        {
            Assert.Equal(id, (await NetworkClient.OkAsync(admin.GetAsync($"subnets/{specifier}/"))).GetProperty("id").GetInt64());
        }
    }

    [Fact]
    public async Task A_gateway_outside_the_subnet_or_a_taken_CIDR_is_refused_with_MAAS_field_errors()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, _) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);

        var (outside, outsideBody) = await NetworkClient.FieldErrorsAsync(admin.PostAsync("subnets/", ("cidr", NetworkClient.NewSubnet().Cidr), ("gateway_ip", "192.0.2.1")));
        var (taken, takenBody) = await NetworkClient.FieldErrorsAsync(admin.PostAsync("subnets/", ("cidr", cidr)));
        var (malformed, malformedBody) = await NetworkClient.FieldErrorsAsync(admin.PostAsync("subnets/", ("cidr", "10.1.2.3")));

        Assert.Equal((HttpStatusCode.BadRequest, "Gateway IP must be within CIDR range."), (outside, outsideBody["gateway_ip"]));
        Assert.Equal((HttpStatusCode.BadRequest, "Subnet with this Cidr already exists."), (taken, takenBody["cidr"]));
        Assert.Equal((HttpStatusCode.BadRequest, "Required format: <network>/<prefixlen>."), (malformed, malformedBody["cidr"]));
        Assert.Single((await StoredAsync()).Subnets, s => s.Cidr == cidr);
    }

    [Fact]
    public async Task An_admin_creates_a_fabric_with_its_untagged_VLAN_adds_a_VLAN_and_deletes_them()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        JsonElement fabric = await NetworkClient.OkAsync(admin.PostAsync("fabrics/", ("name", "storage-net")));
        long fabricId = fabric.GetProperty("id").GetInt64();
        JsonElement untagged = Assert.Single(fabric.GetProperty("vlans").EnumerateArray());

        JsonElement vlan = await NetworkClient.OkAsync(admin.PostAsync($"fabrics/{fabricId}/vlans/", ("vid", "100"), ("name", "storage"), ("mtu", "9000")));
        var (badVid, badVidBody) = await NetworkClient.FieldErrorsAsync(admin.PostAsync($"fabrics/{fabricId}/vlans/", ("vid", "5000")));
        var (defaultVlan, defaultVlanBody) = await NetworkClient.FailAsync(admin.DeleteAsync($"fabrics/{fabricId}/vlans/0/"));
        using HttpResponseMessage deletedVlan = await admin.DeleteAsync($"vlans/{vlan.GetProperty("id").GetInt64()}/");
        using HttpResponseMessage deletedFabric = await admin.DeleteAsync($"fabrics/storage-net/");

        Assert.Equal(("untagged", 0), (untagged.GetProperty("name").GetString(), untagged.GetProperty("vid").GetInt32()));
        Assert.True(untagged.GetProperty("id").GetInt64() > 5001);
        Assert.Equal(("storage", 100, 9000, "storage-net"), (vlan.GetProperty("name").GetString(), vlan.GetProperty("vid").GetInt32(), vlan.GetProperty("mtu").GetInt32(), vlan.GetProperty("fabric").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "VID must be between 0 and 4094."), (badVid, badVidBody["vid"]));
        Assert.Equal((HttpStatusCode.BadRequest, "This VLAN is the default VLAN in the fabric, it cannot be deleted."), (defaultVlan, defaultVlanBody));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (deletedVlan.StatusCode, deletedFabric.StatusCode));
        Assert.DoesNotContain((await StoredAsync()).Fabrics, f => f.Id == fabricId);
    }

    [Fact]
    public async Task A_normal_user_may_not_change_the_network_model()
    {
        using NetworkClient user = await NetworkClient.UserAsync(host);
        (string cidr, _) = NetworkClient.NewSubnet();

        var (subnet, _) = await NetworkClient.FailAsync(user.PostAsync("subnets/", ("cidr", cidr)));
        var (fabric, _) = await NetworkClient.FailAsync(user.PostAsync("fabrics/", ("name", "mine")));
        var (vlan, _) = await NetworkClient.FailAsync(user.PutAsync("vlans/5001/", ("mtu", "9000")));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (subnet, fabric, vlan));
        NetworkModel model = await StoredAsync();
        Assert.Null(model.SubnetByCidr(cidr));
        Assert.Equal(1500, model.Vlan(5001)!.Mtu);
    }
}
