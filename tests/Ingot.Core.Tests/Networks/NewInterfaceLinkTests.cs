using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Tests.Storage;

namespace Ingot.Core.Tests.Networks;

/// <summary>
/// The link a new bond or bridge gets from MAAS's UI create form (<c>mode</c>, <c>subnet</c>, <c>ip_address</c>), saved
/// with it: AUTO on a subnet replaces LINK_UP; LINK_UP with a subnet keeps LINK_UP on that subnet; STATIC claims the
/// address asked for (or the next free one) for the new interface; a refused link (no subnet for AUTO or STATIC, an
/// unknown subnet, an address outside the subnet or in use) creates nothing, claims nothing and leaves the parents'
/// links alone.
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

    [Fact]
    public async Task A_bond_created_static_with_an_address_holds_it_for_the_bond()
    {
        Machine machine = await TwoNicsAsync();
        await _net.SubnetAsync("10.74.0.0/24");

        (_, NetworkInterface bond) = await Editing.CreateBondAsync(NetworkFixture.Admin, machine.SystemId, BondForm(machine), Ct,
            NetworkFixture.Form(("mode", "static"), ("subnet", "10.74.0.0/24"), ("ip_address", "10.74.0.33")));

        Assert.Equal([(LinkMode.Static, "10.74.0.0/24", "10.74.0.33")], bond.Links.Select(l => (l.Mode, l.Subnet, l.IpAddress)));
        StaticIpAddress held = Assert.Single((await _net.ModelAsync()).IpAddresses, a => a.Ip == "10.74.0.33");
        Assert.Equal((bond.Id, IpAddressType.Sticky, "admin"), (held.InterfaceId!.Value, held.AllocType, held.User));
        Assert.True(bond.Id > 0);
    }

    [Fact]
    public async Task A_bridge_created_static_without_an_address_gets_the_next_free_one()
    {
        Machine machine = await TwoNicsAsync();
        Subnet subnet = await _net.SubnetAsync("10.75.0.0/24");

        (_, NetworkInterface bridge) = await Editing.CreateBridgeAsync(NetworkFixture.Admin, machine.SystemId,
            NetworkFixture.Form(("parent", $"{Id(machine, "eth0")}")), Ct, NetworkFixture.Form(("mode", "static"), ("subnet", $"{subnet.Id}")));

        InterfaceLink link = Assert.Single(bridge.Links);
        Assert.Equal((LinkMode.Static, "10.75.0.0/24"), (link.Mode, link.Subnet));
        Assert.StartsWith("10.75.0.", link.IpAddress, StringComparison.Ordinal);
        Assert.Equal(bridge.Id, Assert.Single((await _net.ModelAsync()).IpAddresses, a => a.Ip == link.IpAddress).InterfaceId);
    }

    [Fact]
    public async Task A_static_address_outside_the_subnet_is_refused_on_ip_address_and_nothing_is_made()
    {
        Machine machine = await TwoNicsAsync();
        await _net.SubnetAsync("10.76.0.0/24");

        var refusal = await Assert.ThrowsAsync<MachineFormException>(() => Editing.CreateBondAsync(NetworkFixture.Admin, machine.SystemId, BondForm(machine), Ct,
            NetworkFixture.Form(("mode", "static"), ("subnet", "10.76.0.0/24"), ("ip_address", "10.77.0.5"))));

        Assert.Equal(["IP address is not in the given subnet '10.76.0.0/24'."], refusal.Errors["ip_address"]);
        Assert.DoesNotContain((await _net.Machines.FindAsync(machine.SystemId, Ct))!.Interfaces, i => i.Type == InterfaceType.Bond);
        Assert.Empty((await _net.ModelAsync()).IpAddresses);
    }

    [Fact]
    public async Task A_static_address_in_use_is_refused_with_maas_text_and_the_parents_keep_their_links()
    {
        Machine machine = await TwoNicsAsync();
        await _net.SubnetAsync("10.78.0.0/24");
        await _net.Operations.ReserveAsync(NetworkFixture.Admin, "10.78.0.0/24", "10.78.0.9", null, null, Ct);
        machine = (await _net.Machines.FindAsync(machine.SystemId, Ct))!;
        machine.Interfaces.Single(i => i.Name == "eth0").Links.Add(new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.78.0.0/24" });
        await _net.Machines.SaveAsync(machine, Ct);

        var refusal = await Assert.ThrowsAsync<MachineOperationException>(() => Editing.CreateBondAsync(NetworkFixture.Admin, machine.SystemId, BondForm(machine), Ct,
            NetworkFixture.Form(("mode", "static"), ("subnet", "10.78.0.0/24"), ("ip_address", "10.78.0.9"))));

        Assert.Equal("The IP address 10.78.0.9 is already in use.", refusal.Message);
        Machine after = (await _net.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.DoesNotContain(after.Interfaces, i => i.Type == InterfaceType.Bond);
        Assert.Equal([(LinkMode.Auto, "10.78.0.0/24")], after.Interfaces.Single(i => i.Name == "eth0").Links.Select(l => (l.Mode, l.Subnet)));
        Assert.Equal(IpAddressType.UserReserved, Assert.Single((await _net.ModelAsync()).IpAddresses).AllocType);
    }

    [Fact]
    public async Task When_the_machine_save_fails_the_claimed_static_address_is_given_back()
    {
        Machine machine = await TwoNicsAsync();
        await _net.SubnetAsync("10.79.0.0/24");
        var failing = new FailingLinkSave(_net.Machines);
        var editing = new InterfaceEditing(failing, _net.Operations, _net.Version, TimeProvider.System);

        await Assert.ThrowsAsync<MachineConflictException>(() => editing.CreateBondAsync(NetworkFixture.Admin, machine.SystemId, BondForm(machine), Ct,
            NetworkFixture.Form(("mode", "static"), ("subnet", "10.79.0.0/24"), ("ip_address", "10.79.0.40"))));

        Assert.Equal(1, failing.Refused);
        Assert.Empty((await _net.ModelAsync()).IpAddresses);
    }

    /// <summary>A store whose bond/bridge save (machine and addresses) loses its compare-and-set, writing nothing.</summary>
    private sealed class FailingLinkSave(IMachineStore inner) : Timeouts.StoreDecorator(inner)
    {
        public int Refused { get; private set; }

        public override Task SaveAsync(Machine machine, LinkAddresses addresses, CancellationToken ct)
        {
            Refused++;
            throw new MachineConflictException(machine.SystemId, machine.Version);
        }
    }

    [Theory]
    [InlineData("auto", "", "subnet", "This field is required.")]
    [InlineData("static", "", "subnet", "This field is required.")]
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
