using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Tests.Storage;

namespace Ingot.Core.Tests.Networks;

/// <summary>
/// What a new bond, bridge or VLAN interface does to its parents' links, as MAAS: a bond (and a bridge on a machine
/// that is not ALLOCATED) clears them and gives the static addresses back, and gets LINK_UP; a bridge on an ALLOCATED
/// machine takes the parent's links and addresses; a VLAN interface leaves its parent's links alone.
/// </summary>
public sealed class ParentLinkTests
{
    private readonly NetworkFixture _net = new();

    private InterfaceEditing Editing => new(_net.Machines, _net.Operations, _net.Version, TimeProvider.System);

    private InterfaceLinking Linking => new(_net.Machines, _net.Operations, _net.Version, TimeProvider.System);

    private static CancellationToken Ct => NetworkFixture.Ct;

    [Fact]
    public async Task A_bond_clears_its_parents_links_gives_their_static_addresses_back_and_gets_link_up()
    {
        Machine machine = await TwoNicsAsync(MachineStatus.Ready);
        await _net.SubnetAsync("10.61.0.0/24");
        await _net.SubnetAsync("10.62.0.0/24");
        await LinkAsync(machine, "eth0", ("mode", "static"), ("subnet", "10.61.0.0/24"), ("ip_address", "10.61.0.20"));
        await LinkAsync(machine, "eth1", ("mode", "auto"), ("subnet", "10.62.0.0/24"));

        (Machine after, NetworkInterface bond) = await Editing.CreateBondAsync(NetworkFixture.Admin, machine.SystemId,
            NetworkFixture.Form(("name", "bond0"), ("parents", $"{Id(machine, "eth0")}"), ("parents", $"{Id(machine, "eth1")}")), Ct);

        Assert.Equal([(LinkMode.LinkUp, null)], bond.Links.Select(l => (l.Mode, l.Subnet)));
        Assert.All(after.Interfaces.Where(i => i.Type == InterfaceType.Physical), i => Assert.Empty(i.Links));
        Assert.DoesNotContain((await _net.ModelAsync()).IpAddresses, a => a.Ip == "10.61.0.20");
    }

    [Fact]
    public async Task A_bridge_on_a_ready_machine_clears_its_parents_links_and_gives_the_static_address_back()
    {
        Machine machine = await TwoNicsAsync(MachineStatus.Ready);
        await _net.SubnetAsync("10.63.0.0/24");
        await LinkAsync(machine, "eth0", ("mode", "static"), ("subnet", "10.63.0.0/24"), ("ip_address", "10.63.0.20"));

        (Machine after, NetworkInterface bridge) = await Editing.CreateBridgeAsync(NetworkFixture.Admin, machine.SystemId,
            NetworkFixture.Form(("parent", $"{Id(machine, "eth0")}")), Ct);

        Assert.Equal(("br-eth0", LinkMode.LinkUp), (bridge.Name, Assert.Single(bridge.Links).Mode));
        Assert.Empty(after.Interfaces.Single(i => i.Name == "eth0").Links);
        Assert.DoesNotContain((await _net.ModelAsync()).IpAddresses, a => a.Ip == "10.63.0.20");
    }

    [Fact]
    public async Task A_bridge_on_an_allocated_machine_takes_its_parents_links_and_static_address()
    {
        Machine machine = await TwoNicsAsync(MachineStatus.Ready);
        await _net.SubnetAsync("10.64.0.0/24");
        await LinkAsync(machine, "eth0", ("mode", "static"), ("subnet", "10.64.0.0/24"), ("ip_address", "10.64.0.20"));
        await AllocateAsync(machine.SystemId);

        (Machine after, NetworkInterface bridge) = await Editing.CreateBridgeAsync(NetworkFixture.Admin, machine.SystemId,
            NetworkFixture.Form(("parent", $"{Id(machine, "eth0")}")), Ct);

        Assert.Equal((LinkMode.Static, "10.64.0.20"), (Assert.Single(bridge.Links).Mode, bridge.Links[0].IpAddress));
        Assert.Empty(after.Interfaces.Single(i => i.Name == "eth0").Links);
        Assert.Equal(bridge.Id, (await _net.ModelAsync()).IpAddresses.Single(a => a.Ip == "10.64.0.20").InterfaceId);
    }

    [Fact]
    public async Task A_VLAN_interface_leaves_its_parents_links_and_gets_link_up()
    {
        Machine machine = await TwoNicsAsync(MachineStatus.Ready);
        await _net.SubnetAsync("10.65.0.0/24");
        await LinkAsync(machine, "eth0", ("mode", "static"), ("subnet", "10.65.0.0/24"), ("ip_address", "10.65.0.20"));
        Vlan tagged = await _net.Operations.CreateVlanAsync(NetworkFixture.Admin, "0", NetworkFixture.Form(("vid", "77")), NetworkFixture.Racks, Ct);

        (Machine after, NetworkInterface vlan) = await Editing.CreateVlanAsync(NetworkFixture.Admin, machine.SystemId,
            NetworkFixture.Form(("vlan", $"{tagged.Id}"), ("parent", $"{Id(machine, "eth0")}")), Ct);

        Assert.Equal(("eth0.77", LinkMode.LinkUp), (vlan.Name, Assert.Single(vlan.Links).Mode));
        Assert.Equal((LinkMode.Static, "10.65.0.20"), (Assert.Single(after.Interfaces.Single(i => i.Name == "eth0").Links).Mode, after.Interfaces.Single(i => i.Name == "eth0").Links[0].IpAddress));
        Assert.Equal(Id(machine, "eth0"), (await _net.ModelAsync()).IpAddresses.Single(a => a.Ip == "10.65.0.20").InterfaceId);
    }

    private async Task<Machine> TwoNicsAsync(MachineStatus status)
    {
        Machine machine = StorageMachines.With(true, 20);
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:00:61:01"), Vlan = 0 });
        machine.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MacAddress.Parse("52:54:00:00:61:02"), Vlan = 0 });
        machine.ForceStatus(status, UnvalidatedReason.AddedDeployed, new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        await _net.Machines.AddAsync(machine, Ct);
        return machine;
    }

    private async Task AllocateAsync(string systemId)
    {
        Machine machine = (await _net.Machines.FindAsync(systemId, Ct))!;
        machine.ForceStatus(MachineStatus.Allocated, UnvalidatedReason.AddedDeployed, new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        machine.SetOwner("admin");
        await _net.Machines.SaveAsync(machine, Ct);
    }

    private Task<(Machine Machine, NetworkInterface Interface)> LinkAsync(Machine machine, string name, params (string Name, string Value)[] fields) =>
        Linking.LinkSubnetAsync(NetworkFixture.Admin, machine.SystemId, Id(machine, name), NetworkFixture.Form(fields), Ct);

    private static long Id(Machine machine, string name) => machine.Interfaces.Single(i => i.Name == name).Id;
}
