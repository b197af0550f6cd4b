using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Tests.Storage;

namespace Ingot.Core.Tests.Networks;

/// <summary>
/// The link a new bond or bridge gets from MAAS's UI create form (<c>mode</c>, <c>subnet</c>), saved with it: AUTO on a
/// subnet replaces LINK_UP; LINK_UP with a subnet keeps LINK_UP on that subnet; a refused link (no subnet for AUTO,
/// STATIC, an unknown subnet) creates nothing and leaves the parents' links alone.
/// </summary>
public sealed class NewInterfaceLinkTests
{
    private readonly NetworkFixture _net = new();

    private InterfaceEditing Editing => new(_net.Machines, _net.Operations, _net.Version, TimeProvider.System);

    private static CancellationToken Ct => NetworkFixture.Ct;

    [Fact]
    public async Task A_bond_created_with_auto_on_a_subnet_has_that_link_instead_of_link_up()
    {
        Machine machine = await TwoNicsAsync();
        await _net.SubnetAsync("10.71.0.0/24");

        (_, NetworkInterface bond) = await Editing.CreateBondAsync(NetworkFixture.Admin, machine.SystemId, BondForm(machine), Ct,
            NetworkFixture.Form(("mode", "auto"), ("subnet", "10.71.0.0/24")));

        Assert.Equal([(LinkMode.Auto, "10.71.0.0/24")], bond.Links.Select(l => (l.Mode, l.Subnet)));
    }

    [Fact]
    public async Task A_bridge_created_link_up_on_a_subnet_keeps_link_up_on_that_subnet()
    {
        Machine machine = await TwoNicsAsync();
        await _net.SubnetAsync("10.72.0.0/24");

        (_, NetworkInterface bridge) = await Editing.CreateBridgeAsync(NetworkFixture.Admin, machine.SystemId,
            NetworkFixture.Form(("parent", $"{Id(machine, "eth0")}")), Ct, NetworkFixture.Form(("mode", "link_up"), ("subnet", "10.72.0.0/24")));

        Assert.Equal([(LinkMode.LinkUp, "10.72.0.0/24")], bridge.Links.Select(l => (l.Mode, l.Subnet)));
    }

    [Theory]
    [InlineData("auto", "", "subnet", "This field is required.")]
    [InlineData("static", "10.73.0.0/24", "mode", InterfaceEditing.StaticOnCreate)]
    [InlineData("dhcp", "10.99.0.0/24", "subnet", "Select a valid choice. That choice is not one of the available choices.")]
    [InlineData("bogus", "", "mode", "Select a valid choice. bogus is not one of the available choices.")]
    public async Task A_refused_link_creates_no_bond_and_leaves_the_parents_links(string mode, string subnet, string field, string message)
    {
        Machine machine = await TwoNicsAsync();
        await _net.SubnetAsync("10.73.0.0/24");
        machine = (await _net.Machines.FindAsync(machine.SystemId, Ct))!;
        machine.Interfaces.Single(i => i.Name == "eth0").Links.Add(new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.73.0.0/24" });
        await _net.Machines.SaveAsync(machine, Ct);

        var refusal = await Assert.ThrowsAsync<MachineFormException>(() => Editing.CreateBondAsync(NetworkFixture.Admin, machine.SystemId, BondForm(machine), Ct,
            NetworkFixture.Form(("mode", mode), ("subnet", subnet))));

        Assert.Equal([message], refusal.Errors[field]);
        Machine after = (await _net.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.DoesNotContain(after.Interfaces, i => i.Type == InterfaceType.Bond);
        Assert.Equal([(LinkMode.Auto, "10.73.0.0/24")], after.Interfaces.Single(i => i.Name == "eth0").Links.Select(l => (l.Mode, l.Subnet)));
    }

    private static NetworkForm BondForm(Machine machine) =>
        NetworkFixture.Form(("name", "bond0"), ("parents", $"{Id(machine, "eth0")}"), ("parents", $"{Id(machine, "eth1")}"));

    private async Task<Machine> TwoNicsAsync()
    {
        Machine machine = StorageMachines.With(true, 20);
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:00:71:01"), Vlan = 0 });
        machine.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MacAddress.Parse("52:54:00:00:71:02"), Vlan = 0 });
        machine.ForceStatus(MachineStatus.Ready, UnvalidatedReason.AddedDeployed, new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        await _net.Machines.AddAsync(machine, Ct);
        return machine;
    }

    private static long Id(Machine machine, string name) => machine.Interfaces.Single(i => i.Name == name).Id;
}
