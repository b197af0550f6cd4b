using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Networks;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Networks;

/// <summary>IP ranges, DHCP on a VLAN and address reservations, as MAAS operators drive them.</summary>
public sealed class IpamTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<NetworkModel> StoredAsync() => host.Services.GetRequiredService<INetworkStore>().LoadAsync(Ct);

    private static async Task<string> RackSystemIdAsync(NetworkClient client)
    {
        JsonElement racks = await NetworkClient.OkAsync(client.GetAsync("rackcontrollers/"));
        return racks[0].GetProperty("system_id").GetString()!;
    }

    /// <summary>A fabric of its own (so DHCP on its untagged VLAN concerns this test only) with one subnet.</summary>
    private static async Task<(long VlanId, string Cidr, string Prefix, long SubnetId)> FabricWithSubnetAsync(NetworkClient admin)
    {
        JsonElement fabric = await NetworkClient.OkAsync(admin.PostAsync("fabrics/"));
        long fabricId = fabric.GetProperty("id").GetInt64();
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        JsonElement subnet = await admin.CreateSubnetAsync(cidr, ("fabric", $"{fabricId}"), ("gateway_ip", $"{prefix}.1"));
        return (subnet.GetProperty("vlan").GetProperty("id").GetInt64(), cidr, prefix, subnet.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task DHCP_is_refused_without_a_dynamic_range_and_turns_on_with_the_rack_as_primary_once_one_exists()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        string rack = await RackSystemIdAsync(admin);
        (long vlanId, string cidr, string prefix, _) = await FabricWithSubnetAsync(admin);

        var (refused, errors) = await NetworkClient.FieldErrorsAsync(admin.PutAsync($"vlans/{vlanId}/", ("dhcp_on", "true"), ("primary_rack", rack)));
        Assert.Equal((HttpStatusCode.BadRequest, "dhcp can only be turned on when a dynamic IP range is defined."), (refused, errors["dhcp_on"]));
        Assert.Equal((false, (string?)null), ((await StoredAsync()).Vlan(vlanId)!.DhcpOn, (await StoredAsync()).Vlan(vlanId)!.PrimaryRack));

        JsonElement range = await NetworkClient.OkAsync(admin.PostAsync("ipranges/", ("type", "dynamic"), ("start_ip", $"{prefix}.100"), ("end_ip", $"{prefix}.199")));
        var (noRack, noRackErrors) = await NetworkClient.FieldErrorsAsync(admin.PutAsync($"vlans/{vlanId}/", ("dhcp_on", "true")));
        var (unknownRack, unknownRackErrors) = await NetworkClient.FieldErrorsAsync(admin.PutAsync($"vlans/{vlanId}/", ("dhcp_on", "true"), ("primary_rack", "nosuch")));
        JsonElement vlan = await NetworkClient.OkAsync(admin.PutAsync($"vlans/{vlanId}/", ("dhcp_on", "true"), ("primary_rack", rack)));

        Assert.Equal(cidr, range.GetProperty("subnet").GetProperty("cidr").GetString());
        Assert.Equal(("dynamic", $"{prefix}.100"), (range.GetProperty("type").GetString(), range.GetProperty("start_ip").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "dhcp can only be turned on when a primary rack controller is set."), (noRack, noRackErrors["__all__"]));
        Assert.Equal(HttpStatusCode.BadRequest, unknownRack);
        Assert.Contains("primary_rack", unknownRackErrors.Keys);
        Assert.Equal((true, rack), (vlan.GetProperty("dhcp_on").GetBoolean(), vlan.GetProperty("primary_rack").GetString()));

        Core.Boot.DhcpConfiguration dhcp = await host.Services.GetRequiredService<Core.Boot.IDhcpConfigurationSource>().GetAsync(Ct);
        Core.Boot.DhcpSubnet served = Assert.Single(dhcp.Subnets, s => s.Network.ToString() == cidr);
        Assert.Equal($"{prefix}.100", served.DynamicRanges[0].Start.ToString());
    }

    [Fact]
    public async Task An_overlapping_range_is_refused_with_MAAS_text_and_nothing_changes()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (_, _, string prefix, long subnetId) = await FabricWithSubnetAsync(admin);
        await NetworkClient.OkAsync(admin.PostAsync("ipranges/", ("type", "dynamic"), ("start_ip", $"{prefix}.100"), ("end_ip", $"{prefix}.150")));
        await NetworkClient.OkAsync(admin.PostAsync("ipranges/", ("type", "reserved"), ("start_ip", $"{prefix}.10"), ("end_ip", $"{prefix}.20"), ("comment", "switches")));
        NetworkModel before = await StoredAsync();

        var (dynamic, dynamicErrors) = await NetworkClient.FieldErrorsAsync(admin.PostAsync("ipranges/", ("type", "dynamic"), ("start_ip", $"{prefix}.140"), ("end_ip", $"{prefix}.160")));
        var (reserved, reservedErrors) = await NetworkClient.FieldErrorsAsync(admin.PostAsync("ipranges/", ("type", "reserved"), ("start_ip", $"{prefix}.5"), ("end_ip", $"{prefix}.15")));
        var (gateway, gatewayErrors) = await NetworkClient.FieldErrorsAsync(admin.PostAsync("ipranges/", ("type", "dynamic"), ("start_ip", $"{prefix}.1"), ("end_ip", $"{prefix}.5")));
        var (outside, outsideErrors) = await NetworkClient.FieldErrorsAsync(admin.PostAsync("ipranges/", ("type", "reserved"), ("subnet", $"{subnetId}"), ("start_ip", $"{prefix}.250"), ("end_ip", "192.0.2.9")));

        Assert.Equal((HttpStatusCode.BadRequest, "Requested dynamic range conflicts with an existing IP address or range."), (dynamic, dynamicErrors["start_ip"]));
        Assert.Equal((HttpStatusCode.BadRequest, "Requested reserved range conflicts with an existing range."), (reserved, reservedErrors["end_ip"]));
        Assert.Equal((HttpStatusCode.BadRequest, "Requested dynamic range conflicts with an existing IP address or range."), (gateway, gatewayErrors["start_ip"]));
        Assert.Equal(HttpStatusCode.BadRequest, outside);
        Assert.StartsWith("End IP address must be within subnet:", outsideErrors["end_ip"], StringComparison.Ordinal);
        NetworkModel after = await StoredAsync();
        Assert.Equal(before.RangesOf(subnetId).Select(r => (r.StartIp, r.EndIp)), after.RangesOf(subnetId).Select(r => (r.StartIp, r.EndIp)));
    }

    [Fact]
    public async Task Reserving_takes_the_next_free_address_or_a_given_one_and_release_gives_it_back()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        using NetworkClient user = await NetworkClient.UserAsync(host);
        (_, string cidr, string prefix, _) = await FabricWithSubnetAsync(admin);
        await NetworkClient.OkAsync(admin.PostAsync("ipranges/", ("type", "reserved"), ("start_ip", $"{prefix}.2"), ("end_ip", $"{prefix}.9")));

        JsonElement next = await NetworkClient.OkAsync(user.PostAsync("ipaddresses/?op=reserve", ("subnet", cidr)));
        JsonElement given = await NetworkClient.OkAsync(user.PostAsync("ipaddresses/?op=reserve", ("ip", $"{prefix}.50")));
        var (taken, takenBody) = await NetworkClient.FailAsync(admin.PostAsync("ipaddresses/?op=reserve", ("ip", $"{prefix}.50")));
        var (outside, _) = await NetworkClient.FailAsync(admin.PostAsync("ipaddresses/?op=reserve", ("subnet", cidr), ("ip", "192.0.2.50")));
        JsonElement mine = await NetworkClient.OkAsync(user.GetAsync("ipaddresses/"));
        var (notTheirs, _) = await NetworkClient.FailAsync(admin.PostAsync("ipaddresses/?op=release", ("ip", $"{prefix}.50")));
        using HttpResponseMessage released = await user.PostAsync("ipaddresses/?op=release", ("ip", $"{prefix}.50"));
        JsonElement again = await NetworkClient.OkAsync(admin.PostAsync("ipaddresses/?op=reserve", ("ip", $"{prefix}.50")));

        Assert.Equal($"{prefix}.10", next.GetProperty("ip").GetString());
        Assert.Equal((4, "User reserved"), (next.GetProperty("alloc_type").GetInt32(), next.GetProperty("alloc_type_name").GetString()));
        Assert.Equal(cidr, given.GetProperty("subnet").GetProperty("cidr").GetString());
        Assert.Equal((HttpStatusCode.Conflict, $"The IP address {prefix}.50 is already in use."), (taken, takenBody));
        Assert.Equal(HttpStatusCode.BadRequest, outside);
        Assert.Equal([$"{prefix}.10", $"{prefix}.50"], mine.EnumerateArray().Select(a => a.GetProperty("ip").GetString()).Order());
        Assert.Equal(HttpStatusCode.NotFound, notTheirs);
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal($"{prefix}.50", again.GetProperty("ip").GetString());
    }

    [Fact]
    public async Task Subnet_statistics_and_ranges_count_ranges_the_gateway_and_reservations()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (_, string cidr, string prefix, long subnetId) = await FabricWithSubnetAsync(admin);
        await NetworkClient.OkAsync(admin.PostAsync("ipranges/", ("type", "dynamic"), ("start_ip", $"{prefix}.200"), ("end_ip", $"{prefix}.254")));
        await NetworkClient.OkAsync(admin.PostAsync("ipaddresses/?op=reserve", ("ip", $"{prefix}.20")));

        JsonElement stats = await NetworkClient.OkAsync(admin.GetAsync($"subnets/{subnetId}/?op=statistics"));
        JsonElement unreserved = await NetworkClient.OkAsync(admin.GetAsync($"subnets/{cidr}/?op=unreserved_ip_ranges"));
        JsonElement reserved = await NetworkClient.OkAsync(admin.GetAsync($"subnets/{subnetId}/?op=reserved_ip_ranges"));
        JsonElement addresses = await NetworkClient.OkAsync(admin.GetAsync($"subnets/{subnetId}/?op=ip_addresses"));

        Assert.Equal((254, 254 - 55 - 1 - 1), (stats.GetProperty("total_addresses").GetInt32(), stats.GetProperty("num_available").GetInt32()));
        Assert.Equal(($"{prefix}.1", $"{prefix}.254", 4), (stats.GetProperty("first_address").GetString(), stats.GetProperty("last_address").GetString(), stats.GetProperty("ip_version").GetInt32()));
        Assert.Equal([($"{prefix}.2", $"{prefix}.19"), ($"{prefix}.21", $"{prefix}.199")],
            unreserved.EnumerateArray().Select(r => (r.GetProperty("start").GetString(), r.GetProperty("end").GetString())));
        Assert.Contains(reserved.EnumerateArray(), r => r.GetProperty("purpose").EnumerateArray().Any(p => p.GetString() == "gateway-ip"));
        Assert.Contains(reserved.EnumerateArray(), r => r.GetProperty("start").GetString() == $"{prefix}.200" && r.GetProperty("num_addresses").GetInt32() == 55);
        Assert.Equal($"{prefix}.20", Assert.Single(addresses.EnumerateArray()).GetProperty("ip").GetString());
    }
}
