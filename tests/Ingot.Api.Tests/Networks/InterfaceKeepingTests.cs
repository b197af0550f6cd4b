using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Microsoft.Extensions.DependencyInjection;
using static Ingot.Api.Tests.Networks.InterfaceFixtures;

namespace Ingot.Api.Tests.Networks;

/// <summary>
/// What happens to interfaces made through the API: as MAAS, a bond (and a bridge on a machine that is not ALLOCATED)
/// clears its parents' links and gives their addresses back, a bridge on an ALLOCATED machine takes them, a VLAN
/// interface leaves them; and
/// commissioning again keeps the bond, its VLAN and their links with <c>skip_networking</c> (MAAS's
/// "retain network configuration") and rebuilds the interfaces from what the machine reports without it.
/// </summary>
public sealed class InterfaceKeepingTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>The MAC of the NIC that the default commissioning output (a qemu VM) reports.</summary>
    private const string ReportedMac = "52:54:00:ab:cd:ef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bond_clears_its_parents_static_and_auto_links_gives_the_addresses_back_and_gets_link_up()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidrA, string prefixA) = NetworkClient.NewSubnet();
        (string cidrB, _) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidrA);
        await admin.CreateSubnetAsync(cidrB);
        (Machine machine, long eth0, long eth1) = await TwoNicsAsync(host);
        await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth0) + "?op=link_subnet", ("mode", "static"), ("subnet", cidrA), ("ip_address", $"{prefixA}.20")));
        await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth1) + "?op=link_subnet", ("mode", "auto"), ("subnet", cidrB)));
        Assert.Equal(eth0, (await Networks.LoadAsync(Ct)).IpAddresses.Single(a => a.Ip == $"{prefixA}.20").InterfaceId);

        JsonElement bond = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bond", ("name", "bond0"), ("parents", $"{eth0}"), ("parents", $"{eth1}")));
        Machine stored = (await host.FindAsync(machine.SystemId))!;

        Assert.Equal("link_up", Assert.Single(bond.GetProperty("links").EnumerateArray()).GetProperty("mode").GetString());
        Assert.All(stored.Interfaces.Where(i => i.Type == InterfaceType.Physical), i => Assert.Empty(i.Links));
        Assert.DoesNotContain((await Networks.LoadAsync(Ct)).IpAddresses, a => a.Ip == $"{prefixA}.20");
        JsonElement reused = await NetworkClient.OkAsync(admin.PostAsync("ipaddresses/?op=reserve", ("ip", $"{prefixA}.20")));
        Assert.Equal($"{prefixA}.20", reused.GetProperty("ip").GetString());
    }

    [Fact]
    public async Task A_bridge_on_a_ready_machine_clears_its_parents_links_and_gives_the_static_address_back()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        (Machine machine, long eth0, _) = await TwoNicsAsync(host);
        await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth0) + "?op=link_subnet", ("mode", "static"), ("subnet", cidr), ("ip_address", $"{prefix}.22")));

        JsonElement bridge = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bridge", ("parent", $"{eth0}")));
        Machine stored = (await host.FindAsync(machine.SystemId))!;

        Assert.Equal("link_up", Assert.Single(bridge.GetProperty("links").EnumerateArray()).GetProperty("mode").GetString());
        Assert.Empty(stored.Interfaces.Single(i => i.Id == eth0).Links);
        Assert.DoesNotContain((await Networks.LoadAsync(Ct)).IpAddresses, a => a.Ip == $"{prefix}.22");
    }

    [Fact]
    public async Task A_bridge_on_an_allocated_machine_takes_its_parents_links_and_static_address_and_deleting_it_frees_the_address()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        ApiUser owner = await host.CreateUserAsync();
        Machine machine = await host.AllocatedAsync(owner);
        long eth0 = machine.Interfaces[0].Id;
        await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth0) + "?op=link_subnet", ("mode", "static"), ("subnet", cidr), ("ip_address", $"{prefix}.23")));

        JsonElement bridge = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bridge", ("parent", $"{eth0}")));
        long bridgeId = bridge.GetProperty("id").GetInt64();
        Machine stored = (await host.FindAsync(machine.SystemId))!;

        JsonElement link = Assert.Single(bridge.GetProperty("links").EnumerateArray());
        Assert.Equal(("static", $"{prefix}.23"), (link.GetProperty("mode").GetString(), link.GetProperty("ip_address").GetString()));
        Assert.Empty(stored.Interfaces.Single(i => i.Id == eth0).Links);
        Assert.Equal(bridgeId, (await Networks.LoadAsync(Ct)).IpAddresses.Single(a => a.Ip == $"{prefix}.23").InterfaceId);

        using HttpResponseMessage deleted = await admin.DeleteAsync(Interface(machine, bridgeId));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain((await Networks.LoadAsync(Ct)).IpAddresses, a => a.Ip == $"{prefix}.23");
    }

    [Fact]
    public async Task A_VLAN_interface_leaves_its_parents_links_and_address_and_gets_link_up()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        (long vlanId, _) = await TaggedVlanAsync(admin);
        (Machine machine, long eth0, _) = await TwoNicsAsync(host);
        await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth0) + "?op=link_subnet", ("mode", "static"), ("subnet", cidr), ("ip_address", $"{prefix}.24")));

        JsonElement vlan = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_vlan", ("vlan", $"{vlanId}"), ("parent", $"{eth0}")));
        Machine stored = (await host.FindAsync(machine.SystemId))!;

        Assert.Equal("link_up", Assert.Single(vlan.GetProperty("links").EnumerateArray()).GetProperty("mode").GetString());
        InterfaceLink kept = Assert.Single(stored.Interfaces.Single(i => i.Id == eth0).Links);
        Assert.Equal((LinkMode.Static, $"{prefix}.24"), (kept.Mode, kept.IpAddress));
        Assert.Equal(eth0, (await Networks.LoadAsync(Ct)).IpAddresses.Single(a => a.Ip == $"{prefix}.24").InterfaceId);
    }

    [Fact]
    public async Task Commissioning_with_skip_networking_keeps_a_bond_and_its_VLAN_with_their_links()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, long bondId, long vlanInterfaceId, string ip) = await BondAndVlanAsync(admin, eth0Mac: null);

        await CommissionAsync(admin, machine, skipNetworking: true);
        Machine after = await host.ReloadAsync(machine.SystemId);

        Assert.Equal(MachineStatus.Testing, after.Status);
        Assert.False(after.SkipNetworking);
        NetworkInterface bond = after.Interfaces.Single(i => i.Id == bondId);
        NetworkInterface vlan = after.Interfaces.Single(i => i.Id == vlanInterfaceId);
        Assert.Equal((InterfaceType.Bond, "bond0", "eth0,eth1"), (bond.Type, bond.Name, string.Join(',', bond.Parents)));
        Assert.Equal((LinkMode.Static, ip), (Assert.Single(bond.Links).Mode, bond.Links[0].IpAddress));
        Assert.Equal((InterfaceType.Vlan, "bond0"), (vlan.Type, Assert.Single(vlan.Parents)));
        Assert.Equal([LinkMode.LinkUp], vlan.Links.Select(l => l.Mode));
        Assert.Equal(bondId, (await Networks.LoadAsync(Ct)).IpAddresses.Single(a => a.Ip == ip).InterfaceId);
        Assert.DoesNotContain(after.Interfaces, i => i.MacAddress == MacAddress.Parse(ReportedMac));
    }

    [Fact]
    public async Task Commissioning_without_skip_networking_rebuilds_the_interfaces_from_what_the_machine_reports_as_MAAS_does()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, long bondId, long vlanInterfaceId, _) = await BondAndVlanAsync(admin, eth0Mac: ReportedMac);
        long eth0 = machine.Interfaces.Single(i => i.Name == "eth0").Id;

        await CommissionAsync(admin, machine, skipNetworking: false);
        Machine after = await host.ReloadAsync(machine.SystemId);

        NetworkInterface reported = Assert.Single(after.Interfaces);
        Assert.Equal((eth0, "ens3", InterfaceType.Physical), (reported.Id, reported.Name, reported.Type));
        Assert.DoesNotContain(after.Interfaces, i => i.Id == bondId || i.Id == vlanInterfaceId);
    }

    private NetworkOperations Networks => host.Services.GetRequiredService<NetworkOperations>();

    /// <summary>A READY machine with eth0 + eth1 bonded as bond0 (a static address), and a VLAN interface on the bond.</summary>
    private async Task<(Machine Machine, long Bond, long Vlan, string Ip)> BondAndVlanAsync(NetworkClient admin, string? eth0Mac)
    {
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        (long vlanId, _) = await TaggedVlanAsync(admin);
        (Machine machine, long eth0, long eth1) = await TwoNicsAsync(host, m =>
        {
            if (eth0Mac is not null)
            {
                m.Interfaces[0].MacAddress = MacAddress.Parse(eth0Mac);
            }
        });
        JsonElement bond = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bond", ("name", "bond0"), ("parents", $"{eth0}"), ("parents", $"{eth1}")));
        long bondId = bond.GetProperty("id").GetInt64();
        string ip = $"{prefix}.30";
        await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, bondId) + "?op=link_subnet", ("mode", "static"), ("subnet", cidr), ("ip_address", ip)));
        JsonElement vlan = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_vlan", ("vlan", $"{vlanId}"), ("parent", $"{bondId}")));
        return ((await host.FindAsync(machine.SystemId))!, bondId, vlan.GetProperty("id").GetInt64(), ip);
    }

    /// <summary>commission (manual power) through the API, then the machine reports every commissioning script and signals TESTING.</summary>
    private async Task CommissionAsync(NetworkClient admin, Machine machine, bool skipNetworking)
    {
        await NetworkClient.OkAsync(admin.PostAsync($"machines/{machine.SystemId}/?op=commission", ("skip_networking", skipNetworking ? "1" : "0")));
        Assert.Equal(skipNetworking, (await host.ReloadAsync(machine.SystemId)).SkipNetworking);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (await node.SignalAsync("COMMISSIONING")).EnsureSuccessStatusCode();
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        await node.ReportAllAsync(commissioning, _ => 0);
        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();
    }
}
