using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Tags;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Networks;

/// <summary><c>nodes/{system_id}/interfaces/{id}/</c> ops <c>link_subnet</c>, <c>unlink_subnet</c> and <c>set_default_gateway</c>.</summary>
public sealed class InterfaceLinkTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<(Machine Machine, long InterfaceId)> MachineAsync(string? owner = null)
    {
        string mac = $"52:54:00:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}";
        Machine machine = await TestMachines.AddAsync(host, configure: m =>
        {
            m.Interfaces.Add(TestMachines.Nic("eth0", mac));
            if (owner is not null)
            {
                m.SetOwner(owner);
            }
        });
        Machine stored = (await TestMachines.FindAsync(host, machine.SystemId))!;
        return (stored, stored.Interfaces[0].Id);
    }

    [Fact]
    public async Task A_static_link_takes_a_free_address_in_its_subnet_and_the_machine_JSON_shows_the_stored_subnet()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        JsonElement subnet = await admin.CreateSubnetAsync(cidr, ("gateway_ip", $"{prefix}.1"), ("name", "provisioning"));
        (Machine machine, long nicId) = await MachineAsync();
        string path = $"nodes/{machine.SystemId}/interfaces/{nicId}/";

        var (outside, outsideErrors) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path + "?op=link_subnet", ("mode", "STATIC"), ("subnet", $"{subnet.GetProperty("id").GetInt64()}"), ("ip_address", "192.0.2.10")));
        Assert.Equal((HttpStatusCode.BadRequest, "IP address is not in the given subnet 'provisioning'."), (outside, outsideErrors["ip_address"]));
        Assert.Empty((await TestMachines.FindAsync(host, machine.SystemId))!.Interfaces[0].Links);

        JsonElement linked = await NetworkClient.OkAsync(admin.PostAsync(path + "?op=link_subnet", ("mode", "STATIC"), ("subnet", cidr), ("ip_address", $"{prefix}.10"), ("default_gateway", "true")));
        (Machine other, long otherNic) = await MachineAsync();
        var (taken, takenBody) = await NetworkClient.FailAsync(admin.PostAsync($"nodes/{other.SystemId}/interfaces/{otherNic}/?op=link_subnet", ("mode", "STATIC"), ("subnet", cidr), ("ip_address", $"{prefix}.10")));
        JsonElement json = await NetworkClient.OkAsync(admin.GetAsync($"machines/{machine.SystemId}/"));

        JsonElement link = Assert.Single(linked.GetProperty("links").EnumerateArray());
        Assert.Equal(("static", $"{prefix}.10", "provisioning"), (link.GetProperty("mode").GetString(), link.GetProperty("ip_address").GetString(), link.GetProperty("subnet").GetProperty("name").GetString()));
        Assert.Equal(subnet.GetProperty("id").GetInt64(), link.GetProperty("subnet").GetProperty("id").GetInt64());
        Assert.Equal((HttpStatusCode.Conflict, $"The IP address {prefix}.10 is already in use."), (taken, takenBody));
        Assert.Empty((await TestMachines.FindAsync(host, other.SystemId))!.Interfaces[0].Links);
        JsonElement gateway = json.GetProperty("default_gateways").GetProperty("ipv4");
        Assert.Equal(($"{prefix}.1", link.GetProperty("id").GetInt64()), (gateway.GetProperty("gateway_ip").GetString(), gateway.GetProperty("link_id").GetInt64()));
        Assert.Equal(5001, json.GetProperty("interface_set")[0].GetProperty("vlan").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task An_auto_link_keeps_no_address_and_unlinking_frees_a_static_address()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        (Machine machine, long nicId) = await MachineAsync();
        string path = $"nodes/{machine.SystemId}/interfaces/{nicId}/";

        JsonElement auto = await NetworkClient.OkAsync(admin.PostAsync(path + "?op=link_subnet", ("mode", "auto"), ("subnet", cidr)));
        (Machine other, long otherNic) = await MachineAsync();
        string otherPath = $"nodes/{other.SystemId}/interfaces/{otherNic}/";
        JsonElement staticLink = await NetworkClient.OkAsync(admin.PostAsync(otherPath + "?op=link_subnet", ("mode", "static"), ("subnet", cidr)));
        long staticId = Assert.Single(staticLink.GetProperty("links").EnumerateArray()).GetProperty("id").GetInt64();
        JsonElement unlinked = await NetworkClient.OkAsync(admin.PostAsync(otherPath + "?op=unlink_subnet", ("id", $"{staticId}")));
        JsonElement relinked = await NetworkClient.OkAsync(admin.PostAsync(otherPath + "?op=link_subnet", ("mode", "static"), ("subnet", cidr), ("ip_address", $"{prefix}.1")));
        var (twice, twiceErrors) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path + "?op=link_subnet", ("mode", "static"), ("subnet", cidr)));
        var (missing, missingErrors) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path + "?op=link_subnet", ("mode", "STATIC")));

        JsonElement autoLink = Assert.Single(auto.GetProperty("links").EnumerateArray());
        Assert.Equal("auto", autoLink.GetProperty("mode").GetString());
        Assert.False(autoLink.TryGetProperty("ip_address", out _));
        Assert.Equal($"{prefix}.1", staticLink.GetProperty("links")[0].GetProperty("ip_address").GetString());
        Assert.Equal("link_up", Assert.Single(unlinked.GetProperty("links").EnumerateArray()).GetProperty("mode").GetString());
        Assert.Contains(relinked.GetProperty("links").EnumerateArray(), l => l.TryGetProperty("ip_address", out JsonElement ip) && ip.GetString() == $"{prefix}.1");
        Assert.Equal((HttpStatusCode.BadRequest, "This field is required."), (missing, missingErrors["subnet"]));
        Assert.Equal((HttpStatusCode.BadRequest, $"Subnet {cidr} is already linked to this interface."), (twice, twiceErrors["subnet"]));
        Machine stored = (await TestMachines.FindAsync(host, machine.SystemId))!;
        Assert.Equal([LinkMode.Auto], stored.Interfaces[0].Links.Select(l => l.Mode));
    }

    [Fact]
    public async Task A_normal_user_may_not_link_a_machine_they_do_not_own()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        using NetworkClient user = await NetworkClient.UserAsync(host);
        (string cidr, _) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        (Machine machine, long nicId) = await MachineAsync(owner: "someone-else");

        var (status, body) = await NetworkClient.FailAsync(user.PostAsync($"nodes/{machine.SystemId}/interfaces/{nicId}/?op=link_subnet", ("mode", "dhcp"), ("subnet", cidr)));

        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)status}: {body}");
        Assert.Empty((await TestMachines.FindAsync(host, machine.SystemId))!.Interfaces[0].Links);
    }
}
