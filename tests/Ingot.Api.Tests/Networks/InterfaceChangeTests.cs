using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using static Ingot.Api.Tests.Networks.InterfaceFixtures;

namespace Ingot.Api.Tests.Networks;

/// <summary><c>nodes/{system_id}/interfaces/{id}/</c>: update (PUT), delete, <c>disconnect</c>, <c>add_tag</c>, <c>remove_tag</c>; and what deployment renders.</summary>
public sealed class InterfaceChangeTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bond_clears_its_parents_links_and_gets_link_up_and_deleting_it_gives_them_back_a_link_up_while_deleting_a_parent_is_refused()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (string cidr, _) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        (Machine machine, long eth0, long eth1) = await TwoNicsAsync(host);
        await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth0) + "?op=link_subnet", ("mode", "dhcp"), ("subnet", cidr)));

        JsonElement bond = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bond", ("name", "bond0"), ("parents", $"{eth0}"), ("parents", $"{eth1}")));
        Machine bonded = (await host.FindAsync(machine.SystemId))!;
        var (refused, refusedBody) = await NetworkClient.FailAsync(admin.DeleteAsync(Interface(machine, eth0)));
        using HttpResponseMessage deleted = await admin.DeleteAsync(Interface(machine, bond.GetProperty("id").GetInt64()));
        Machine after = (await host.FindAsync(machine.SystemId))!;

        JsonElement link = Assert.Single(bond.GetProperty("links").EnumerateArray());
        Assert.Equal("link_up", link.GetProperty("mode").GetString());
        Assert.All(bonded.Interfaces.Where(i => i.Type == InterfaceType.Physical), i => Assert.Empty(i.Links));
        Assert.Equal((HttpStatusCode.BadRequest, "Cannot delete interface eth0 because it is a parent of bond bond0; delete bond0 first."), (refused, refusedBody));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["eth0", "eth1"], after.Interfaces.Select(i => i.Name));
        Assert.All(after.Interfaces, i => Assert.Equal([LinkMode.LinkUp], i.Links.Select(l => l.Mode)));
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_renames_the_VLAN_children_and_refuses_bad_fields_whole()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, long eth0, long eth1) = await TwoNicsAsync(host);
        (long vlanId, int vid) = await TaggedVlanAsync(admin);
        JsonElement bond = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bond", ("name", "bond0"), ("parents", $"{eth0}"), ("mtu", "9000")));
        long bondId = bond.GetProperty("id").GetInt64();
        JsonElement vlan = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_vlan", ("vlan", $"{vlanId}"), ("parent", $"{bondId}")));

        var (status, errors) = await NetworkClient.FieldErrorsAsync(admin.PutAsync(Interface(machine, bondId), ("name", "bond1"), ("bond_mode", "fastest"), ("mtu", "100")));
        Machine unchanged = (await host.FindAsync(machine.SystemId))!;
        JsonElement updated = await NetworkClient.OkAsync(admin.PutAsync(Interface(machine, bondId), ("name", "bond1"), ("bond_mode", "active-backup"), ("parents", $"{eth0}"), ("parents", $"{eth1}")));
        var (_, untagged) = await NetworkClient.FieldErrorsAsync(admin.PutAsync(Interface(machine, vlan.GetProperty("id").GetInt64()), ("vlan", $"{UntaggedVlanId}")));
        JsonElement child = await NetworkClient.OkAsync(admin.GetAsync(Interface(machine, vlan.GetProperty("id").GetInt64())));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["bond_mode", "mtu"], errors.Keys.Order());
        Assert.Equal(("bond0", "balance-rr"), (unchanged.Interfaces.Single(i => i.Id == bondId).Name, unchanged.Interfaces.Single(i => i.Id == bondId).Params.BondMode));
        Assert.Equal(("bond1", "active-backup", 9000), (updated.GetProperty("name").GetString(), updated.GetProperty("params").GetProperty("bond_mode").GetString(), updated.GetProperty("params").GetProperty("mtu").GetInt32()));
        Assert.Equal(["eth0", "eth1"], Names(updated.GetProperty("parents")));
        Assert.Equal("A VLAN interface can only belong to a tagged VLAN.", untagged["vlan"]);
        Assert.Equal(($"bond1.{vid}", "bond1"), (child.GetProperty("name").GetString(), child.GetProperty("parents")[0].GetString()));
    }

    [Fact]
    public async Task Disconnect_drops_links_and_VLAN_and_tags_are_added_and_removed_in_any_status()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        ApiUser owner = await host.CreateUserAsync();
        (string cidr, string prefix) = NetworkClient.NewSubnet();
        await admin.CreateSubnetAsync(cidr);
        (Machine machine, long eth0, _) = await TwoNicsAsync(host);
        await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth0) + "?op=link_subnet", ("mode", "static"), ("subnet", cidr), ("ip_address", $"{prefix}.20")));
        Machine deploying = await host.DeployingAsync(owner);
        string deployingNic = Interface(deploying, deploying.Interfaces[0].Id);

        JsonElement disconnected = await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth0) + "?op=disconnect"));
        JsonElement relinked = await NetworkClient.OkAsync(admin.PostAsync(Interface(machine, eth0) + "?op=link_subnet", ("mode", "static"), ("subnet", cidr), ("ip_address", $"{prefix}.20")));
        JsonElement tagged = await NetworkClient.OkAsync(admin.PostAsync(deployingNic + "?op=add_tag", ("tag", "uplink")));
        await NetworkClient.OkAsync(admin.PostAsync(deployingNic + "?op=add_tag", ("tag", "uplink")));
        Machine taggedTwice = (await host.FindAsync(deploying.SystemId))!;
        var (noTag, noTagBody) = await NetworkClient.FailAsync(admin.PostAsync(deployingNic + "?op=add_tag"));
        JsonElement untagged = await NetworkClient.OkAsync(admin.PostAsync(deployingNic + "?op=remove_tag", ("tag", "uplink")));
        var (conflict, conflictBody) = await NetworkClient.FailAsync(admin.PostAsync(deployingNic + "?op=disconnect"));

        Assert.Empty(disconnected.GetProperty("links").EnumerateArray());
        Assert.Equal($"{prefix}.20", relinked.GetProperty("links")[0].GetProperty("ip_address").GetString());
        Assert.Equal(["uplink"], Names(tagged.GetProperty("tags")));
        Assert.Equal(["uplink"], taggedTwice.Interfaces[0].Tags);
        Assert.Equal((HttpStatusCode.BadRequest, "No provided tag!"), (noTag, noTagBody));
        Assert.Empty(untagged.GetProperty("tags").EnumerateArray());
        Assert.Equal((HttpStatusCode.Conflict, "Cannot disconnect interface because the machine is not Ready, Allocated, or Broken."), (conflict, conflictBody));
    }

    [Fact]
    public async Task A_bond_and_a_VLAN_made_through_the_API_are_in_the_deployed_machines_curtin_network_config()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        ApiUser owner = await host.CreateUserAsync();
        (Machine machine, long eth0, long eth1) = await TwoNicsAsync(host, m => StorageLayout.Apply(m, new StorageLayoutRequest("flat")));
        (long vlanId, int vid) = await TaggedVlanAsync(admin);
        JsonElement bond = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bond",
            ("name", "bond0"), ("parents", $"{eth0}"), ("parents", $"{eth1}"), ("bond_mode", "802.3ad"), ("bond_xmit_hash_policy", "layer3+4")));
        await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_vlan", ("vlan", $"{vlanId}"), ("parent", $"{bond.GetProperty("id").GetInt64()}"), ("mtu", "1400")));
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        Machine stored = (await store.FindAsync(machine.SystemId, Ct))!;
        var actor = Actor.User(owner.Username, owner.User.IsAdmin);
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        stored.Acquire(actor, now);
        stored.StartDeployment(actor, now, LifecycleSettings.Default);
        await store.SaveAsync(stored, Ct);

        using HttpResponseMessage response = await host.Client(owner.ApiKey).GetAsync($"{MachineRequests.Item(machine.SystemId)}?op=get_curtin_config", Ct);
        string yaml = await response.TextAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, yaml);
        Assert.Contains("type: bond", yaml, StringComparison.Ordinal);
        Assert.Contains("bond-mode: \"802.3ad\"", yaml, StringComparison.Ordinal);
        Assert.Contains("bond-xmit-hash-policy: \"layer3", yaml, StringComparison.Ordinal);
        Assert.Contains("type: vlan", yaml, StringComparison.Ordinal);
        Assert.Contains($"name: bond0.{vid}", yaml, StringComparison.Ordinal);
        Assert.Contains("vlan_link: bond0", yaml, StringComparison.Ordinal);
        Assert.Contains($"vlan_id: {vid}", yaml, StringComparison.Ordinal);
        Assert.Contains("mtu: 1400", yaml, StringComparison.Ordinal);
    }
}
