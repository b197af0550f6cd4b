using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using static Ingot.Api.Tests.Networks.InterfaceFixtures;

namespace Ingot.Api.Tests.Networks;

/// <summary><c>nodes/{system_id}/interfaces/</c> ops <c>create_bond</c>, <c>create_vlan</c>, <c>create_bridge</c> and <c>create_physical</c>.</summary>
public sealed class InterfaceCreateTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_bond_of_two_NICs_takes_the_first_parent_MAC_its_parameters_and_tags_and_is_stored()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, long eth0, long eth1) = await TwoNicsAsync(host);

        JsonElement bond = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bond",
            ("name", "bond0"), ("parents", $"{eth0}"), ("parents", $"{eth1}"), ("bond_mode", "802.3ad"), ("bond_lacp_rate", "fast"), ("mtu", "9000"), ("tags", "fast,lacp")));
        JsonElement list = await NetworkClient.OkAsync(admin.GetAsync(Interfaces(machine)));

        Assert.Equal(("bond", "bond0"), (bond.GetProperty("type").GetString(), bond.GetProperty("name").GetString()));
        Assert.Equal(["eth0", "eth1"], Names(bond.GetProperty("parents")));
        Assert.Equal(machine.Interfaces[0].MacAddress.ToString(), bond.GetProperty("mac_address").GetString());
        JsonElement parameters = bond.GetProperty("params");
        Assert.Equal(("802.3ad", "fast", 100, 9000), (parameters.GetProperty("bond_mode").GetString(), parameters.GetProperty("bond_lacp_rate").GetString(), parameters.GetProperty("bond_miimon").GetInt32(), parameters.GetProperty("mtu").GetInt32()));
        Assert.Equal(9000, bond.GetProperty("effective_mtu").GetInt32());
        Assert.Equal(["fast", "lacp"], Names(bond.GetProperty("tags")));
        Assert.Equal($"/MAAS/api/2.0/nodes/{machine.SystemId}/interfaces/{bond.GetProperty("id").GetInt64()}/", bond.GetProperty("resource_uri").GetString());
        JsonElement eth0Json = list.EnumerateArray().Single(i => i.GetProperty("name").GetString() == "eth0");
        Assert.Equal(["bond0"], Names(eth0Json.GetProperty("children")));
        NetworkInterface stored = (await host.FindAsync(machine.SystemId))!.Interfaces.Single(i => i.Name == "bond0");
        Assert.Equal((InterfaceType.Bond, "802.3ad", 9000), (stored.Type, stored.Params.BondMode, stored.Params.Mtu));
        Assert.Equal(["fast", "lacp"], stored.Tags);
    }

    [Fact]
    public async Task Bad_bond_fields_get_MAAS_field_messages_and_change_nothing()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, long eth0, long eth1) = await TwoNicsAsync(host);
        string path = Interfaces(machine) + "?op=create_bond";
        await NetworkClient.OkAsync(admin.PostAsync(path, ("name", "bond0"), ("parents", $"{eth0}")));

        var (inUse, inUseErrors) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "bond1"), ("parents", $"{eth0}"), ("parents", $"{eth1}")));
        var (_, noName) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("parents", $"{eth1}")));
        var (_, sameName) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "bond0"), ("parents", $"{eth1}")));
        var (_, noParents) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "bond1")));
        var (_, unknownParent) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "bond1"), ("parents", "999999")));
        var (_, badMode) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "bond1"), ("parents", $"{eth1}"), ("bond_mode", "fastest")));
        var (_, smallMtu) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "bond1"), ("parents", $"{eth1}"), ("mtu", "100"), ("bond_num_grat_arp", "300")));

        Assert.Equal((HttpStatusCode.BadRequest, "Interfaces already in-use: eth0."), (inUse, inUseErrors["parents"]));
        Assert.Equal("This field is required.", noName["name"]);
        Assert.Equal($"Node {machine.Hostname} already has an interface named 'bond0'.", sameName["name"]);
        Assert.Equal("A bond interface must have one or more parents.", noParents["parents"]);
        Assert.Equal("Select a valid choice. 999999 is not one of the available choices.", unknownParent["parents"]);
        Assert.Equal("'fastest' is not a valid bond_mode.  It should be one of: 'balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'.", badMode["bond_mode"]);
        Assert.Equal(("Ensure this value is greater than or equal to 552.", "Ensure this value is less than or equal to 255."), (smallMtu["mtu"], smallMtu["bond_num_grat_arp"]));
        Machine stored = (await host.FindAsync(machine.SystemId))!;
        Assert.Equal(["eth0", "eth1", "bond0"], stored.Interfaces.Select(i => i.Name));
    }

    [Fact]
    public async Task Only_an_admin_creates_and_only_on_a_Ready_Allocated_or_Broken_machine()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        ApiUser owner = await host.CreateUserAsync();
        using NetworkClient user = new(host.Client(owner.ApiKey));
        (Machine ready, long eth0, _) = await TwoNicsAsync(host);
        Machine deploying = await host.DeployingAsync(owner);
        Machine allocated = await host.AllocatedAsync(owner);

        var (forbidden, _) = await NetworkClient.FailAsync(user.PostAsync(Interfaces(ready) + "?op=create_bond", ("name", "bond0"), ("parents", $"{eth0}")));
        var (conflict, conflictBody) = await NetworkClient.FailAsync(admin.PostAsync(Interfaces(deploying) + "?op=create_bond", ("name", "bond0"), ("parents", $"{deploying.Interfaces[0].Id}")));
        var (vlanConflict, vlanBody) = await NetworkClient.FailAsync(admin.PostAsync(Interfaces(deploying) + "?op=create_vlan", ("vlan", "1"), ("parent", $"{deploying.Interfaces[0].Id}")));
        JsonElement bridge = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(allocated) + "?op=create_bridge", ("parent", $"{allocated.Interfaces[0].Id}")));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal((HttpStatusCode.Conflict, "Cannot create bond interface because the machine is not Ready, Allocated, or Broken."), (conflict, conflictBody));
        Assert.Equal((HttpStatusCode.Conflict, "Cannot create VLAN interface because the machine is not Ready, Allocated, or Broken."), (vlanConflict, vlanBody));
        Assert.Equal("br-eth0", bridge.GetProperty("name").GetString());
        Assert.Single((await host.FindAsync(ready.SystemId))!.Interfaces, i => i.Name == "eth0");
        Assert.Single((await host.FindAsync(deploying.SystemId))!.Interfaces);
    }

    [Fact]
    public async Task A_VLAN_interface_is_named_parent_dot_VID_and_needs_a_tagged_VLAN_and_a_free_parent()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, long eth0, long eth1) = await TwoNicsAsync(host);
        (long vlanId, int vid) = await TaggedVlanAsync(admin);
        string path = Interfaces(machine) + "?op=create_vlan";
        JsonElement bond = await NetworkClient.OkAsync(admin.PostAsync(Interfaces(machine) + "?op=create_bond", ("name", "bond0"), ("parents", $"{eth1}")));

        JsonElement vlan = await NetworkClient.OkAsync(admin.PostAsync(path, ("vlan", $"{vlanId}"), ("parent", $"{bond.GetProperty("id").GetInt64()}"), ("tags", "storage")));
        var (status, untagged) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("vlan", $"{UntaggedVlanId}"), ("parent", $"{eth0}")));
        var (_, missing) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("parent", $"{eth0}")));
        var (_, unknown) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("vlan", "999999"), ("parent", $"{eth0}")));
        var (_, inBond) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("vlan", $"{vlanId}"), ("parent", $"{eth1}")));
        var (_, twice) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("vlan", $"{vlanId}"), ("parent", $"{bond.GetProperty("id").GetInt64()}")));
        var (_, onVlan) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("vlan", $"{vlanId}"), ("parent", $"{vlan.GetProperty("id").GetInt64()}")));
        var (_, noParent) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("vlan", $"{vlanId}")));

        Assert.Equal(("vlan", $"bond0.{vid}", vid), (vlan.GetProperty("type").GetString(), vlan.GetProperty("name").GetString(), vlan.GetProperty("vlan").GetProperty("vid").GetInt32()));
        Assert.Equal(["bond0"], Names(vlan.GetProperty("parents")));
        Assert.Equal(bond.GetProperty("mac_address").GetString(), vlan.GetProperty("mac_address").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "A VLAN interface can only belong to a tagged VLAN."), (status, untagged["vlan"]));
        Assert.Equal("A VLAN interface must be connected to a tagged VLAN.", missing["vlan"]);
        Assert.Equal("Select a valid choice. That choice is not one of the available choices.", unknown["vlan"]);
        Assert.Equal("A VLAN interface can't have a parent that is already in a bond.", inBond["parent"]);
        Assert.Equal($"Node {machine.Hostname} already has an interface named 'bond0.{vid}'.", twice["name"]);
        Assert.Equal("A VLAN interface can't have another VLAN interface as parent.", onVlan["parent"]);
        Assert.Equal("A VLAN interface must have exactly one parent.", noParent["parent"]);
        Assert.Equal(4, (await host.FindAsync(machine.SystemId))!.Interfaces.Count);
    }

    [Fact]
    public async Task A_bridge_takes_its_parent_and_MAAS_defaults_and_a_parent_already_bridged_is_refused()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, long eth0, _) = await TwoNicsAsync(host);
        string path = Interfaces(machine) + "?op=create_bridge";

        JsonElement bridge = await NetworkClient.OkAsync(admin.PostAsync(path, ("name", "br0"), ("parent", $"{eth0}"), ("bridge_type", "ovs")));
        var (status, again) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "br1"), ("parent", $"{eth0}")));
        var (_, onBridge) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "br1"), ("parent", $"{bridge.GetProperty("id").GetInt64()}")));
        var (_, badType) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "br1"), ("parent", $"{eth0}"), ("bridge_type", "linux")));

        JsonElement parameters = bridge.GetProperty("params");
        Assert.Equal(("bridge", "ovs", false, 15), (bridge.GetProperty("type").GetString(), parameters.GetProperty("bridge_type").GetString(), parameters.GetProperty("bridge_stp").GetBoolean(), parameters.GetProperty("bridge_fd").GetInt32()));
        Assert.Equal(machine.Interfaces[0].MacAddress.ToString(), bridge.GetProperty("mac_address").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "A bridge interface can't have a parent that is already in a bond or a bridge."), (status, again["parent"]));
        Assert.Equal("A bridge interface can't have another bridge interface as parent.", onBridge["parent"]);
        Assert.Equal("'linux' is not a valid bridge_type.  It should be one of: 'standard', 'ovs'.", badType["bridge_type"]);
    }

    [Fact]
    public async Task A_physical_interface_needs_an_unused_MAC_and_gets_the_next_ethN_name()
    {
        using NetworkClient admin = await NetworkClient.AdminAsync(host);
        (Machine machine, _, _) = await TwoNicsAsync(host);
        string path = Interfaces(machine) + "?op=create_physical";
        string mac = MachineSeeds.RandomMac().ToString();

        JsonElement nic = await NetworkClient.OkAsync(admin.PostAsync(path, ("mac_address", mac), ("vlan", $"{UntaggedVlanId}")));
        var (status, missing) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("name", "eth9")));
        var (_, used) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("mac_address", mac)));
        var (_, bad) = await NetworkClient.FieldErrorsAsync(admin.PostAsync(path, ("mac_address", "not-a-mac")));

        Assert.Equal(("physical", "eth2", mac), (nic.GetProperty("type").GetString(), nic.GetProperty("name").GetString(), nic.GetProperty("mac_address").GetString()));
        Assert.Equal("link_up", Assert.Single(nic.GetProperty("links").EnumerateArray()).GetProperty("mode").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "This field is required."), (status, missing["mac_address"]));
        Assert.Equal($"MAC address {mac} already in use on {machine.Hostname}.", used["mac_address"]);
        Assert.Equal("'not-a-mac' is not a valid MAC address.", bad["mac_address"]);
        Assert.Equal(3, (await host.FindAsync(machine.SystemId))!.Interfaces.Count);
    }
}
