using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Tags;

namespace Ingot.Api.Tests.Networks;

public sealed class NetworksTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetAsync(string path)
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/" + path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task There_are_no_spaces_by_default()
    {
        Assert.Empty((await GetAsync("spaces/")).EnumerateArray());
    }

    [Fact]
    public async Task Fabric_0_has_the_untagged_VLAN_5001_and_the_VLANs_seen_on_interfaces()
    {
        await TestMachines.AddAsync(host, configure: m => m.Interfaces.Add(TestMachines.Nic("eth0.42", "52:54:00:00:42:01", vid: 42)));
        var fabric = Assert.Single((await GetAsync("fabrics/")).EnumerateArray().ToList());
        Assert.Equal(0, fabric.GetProperty("id").GetInt64());
        Assert.Equal("fabric-0", fabric.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, fabric.GetProperty("class_type").ValueKind);
        Assert.Equal("/MAAS/api/2.0/fabrics/0/", fabric.GetProperty("resource_uri").GetString());
        var vlans = fabric.GetProperty("vlans").EnumerateArray().ToList();
        Assert.Equal(5001, vlans[0].GetProperty("id").GetInt64());
        Assert.Equal("untagged", vlans[0].GetProperty("name").GetString());
        Assert.Equal(0, vlans[0].GetProperty("vid").GetInt32());
        Assert.Equal("undefined", vlans[0].GetProperty("space").GetString());
        Assert.Contains(vlans, v => v.GetProperty("vid").GetInt32() == 42);

        var byId = (await GetAsync("fabrics/0/vlans/")).EnumerateArray().Select(v => v.GetProperty("vid").GetInt32()).ToList();
        var byName = (await GetAsync("fabrics/fabric-0/vlans/")).EnumerateArray().Select(v => v.GetProperty("vid").GetInt32()).ToList();
        Assert.Equal(vlans.Select(v => v.GetProperty("vid").GetInt32()), byId);
        Assert.Equal(byId, byName);
    }

    [Fact]
    public async Task Subnets_are_those_seen_on_interface_links_with_their_VLAN()
    {
        await TestMachines.AddAsync(host, configure: m =>
        {
            m.Interfaces.Add(TestMachines.Nic("eth0", "52:54:00:00:10:01", cidr: "10.20.0.0/24", ip: "10.20.0.5"));
            m.Interfaces.Add(TestMachines.Nic("eth1", "52:54:00:00:10:02", vid: 7, cidr: "10.7.0.0/24"));
        });
        var subnets = (await GetAsync("subnets/")).EnumerateArray().ToDictionary(s => s.GetProperty("cidr").GetString()!);
        JsonElement plain = subnets["10.20.0.0/24"];
        Assert.Equal("10.20.0.0/24", plain.GetProperty("name").GetString());
        Assert.Equal("undefined", plain.GetProperty("space").GetString());
        Assert.Equal(5001, plain.GetProperty("vlan").GetProperty("id").GetInt64());
        Assert.Equal(7, subnets["10.7.0.0/24"].GetProperty("vlan").GetProperty("vid").GetInt32());
    }

    [Fact]
    public async Task An_unknown_fabric_is_404()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync("MAAS/api/2.0/fabrics/3/vlans/", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No Fabric matches the given query.", await response.TextAsync());
    }
}
