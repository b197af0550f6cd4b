using Ingot.Core.Enlistment;
using Ingot.Core.Networks;

namespace Ingot.Core.Tests.Networks;

public sealed class VlanFormTests
{
    [Fact]
    public async Task DHCP_needs_a_dynamic_range_first_and_then_a_primary_rack_and_a_refusal_changes_nothing()
    {
        var net = new NetworkFixture();
        await net.SubnetAsync("10.20.0.0/24");

        var noRange = await Assert.ThrowsAsync<MachineFormException>(() => net.UpdateVlanAsync(5001, ("dhcp_on", "true"), ("primary_rack", NetworkFixture.Rack)));
        await net.RangeAsync("dynamic", "10.20.0.100", "10.20.0.200");
        var noRack = await Assert.ThrowsAsync<MachineFormException>(() => net.UpdateVlanAsync(5001, ("dhcp_on", "True")));
        var badRack = await Assert.ThrowsAsync<MachineFormException>(() => net.UpdateVlanAsync(5001, ("dhcp_on", "1"), ("primary_rack", "other")));
        long before = (await net.ModelAsync()).Version;
        Vlan on = await net.UpdateVlanAsync(5001, ("dhcp_on", "true"), ("primary_rack", NetworkFixture.Rack));

        Assert.Equal(["dhcp can only be turned on when a dynamic IP range is defined."], noRange.Errors["dhcp_on"]);
        Assert.Equal(["dhcp can only be turned on when a primary rack controller is set."], noRack.Errors["__all__"]);
        Assert.Equal(["Select a valid choice. That choice is not one of the available choices."], badRack.Errors["primary_rack"]);
        Assert.Equal((true, NetworkFixture.Rack), (on.DhcpOn, on.PrimaryRack));
        Assert.Equal(before + 1, (await net.ModelAsync()).Version);
    }

    [Fact]
    public async Task Turning_DHCP_on_clears_the_relay_and_a_missing_primary_is_replaced_by_the_secondary()
    {
        var net = new NetworkFixture();
        Fabric fabric = await net.Operations.CreateFabricAsync(NetworkFixture.Admin, NetworkFixture.Form(), NetworkFixture.Ct);
        Vlan relayed = (await net.ModelAsync()).DefaultVlan(fabric.Id)!;
        await net.SubnetAsync("10.21.0.0/24", ("fabric", $"{fabric.Id}"));
        await net.RangeAsync("dynamic", "10.21.0.10", "10.21.0.20");

        Vlan relaying = await net.UpdateVlanAsync(relayed.Id, ("relay_vlan", "5001"));
        Vlan withRacks = await net.UpdateVlanAsync(relayed.Id, ("secondary_rack", NetworkFixture.Rack));
        Vlan on = await net.UpdateVlanAsync(relayed.Id, ("dhcp_on", "true"));
        var same = await Assert.ThrowsAsync<MachineFormException>(() => net.UpdateVlanAsync(relayed.Id, ("primary_rack", NetworkFixture.Rack), ("secondary_rack", NetworkFixture.Rack)));

        Assert.Equal(5001, relaying.RelayVlanId);
        Assert.Equal(((string?)null, NetworkFixture.Rack), (withRacks.PrimaryRack, withRacks.SecondaryRack));
        Assert.Equal((true, (long?)null, NetworkFixture.Rack, (string?)null), (on.DhcpOn, on.RelayVlanId, on.PrimaryRack, on.SecondaryRack));
        Assert.Contains("__all__", same.Errors.Keys);
    }

    [Fact]
    public async Task VID_and_MTU_are_checked_with_MAAS_messages()
    {
        var net = new NetworkFixture();

        var vid = await Assert.ThrowsAsync<MachineFormException>(() => net.Operations.CreateVlanAsync(NetworkFixture.Admin, "0", NetworkFixture.Form(("vid", "4095")), NetworkFixture.Racks, NetworkFixture.Ct));
        var mtu = await Assert.ThrowsAsync<MachineFormException>(() => net.Operations.CreateVlanAsync(NetworkFixture.Admin, "fabric-0", NetworkFixture.Form(("vid", "10"), ("mtu", "500")), NetworkFixture.Racks, NetworkFixture.Ct));
        var missing = await Assert.ThrowsAsync<MachineFormException>(() => net.Operations.CreateVlanAsync(NetworkFixture.Admin, "0", NetworkFixture.Form(), NetworkFixture.Racks, NetworkFixture.Ct));
        await net.Operations.CreateVlanAsync(NetworkFixture.Admin, "0", NetworkFixture.Form(("vid", "10")), NetworkFixture.Racks, NetworkFixture.Ct);
        var taken = await Assert.ThrowsAsync<MachineFormException>(() => net.Operations.CreateVlanAsync(NetworkFixture.Admin, "0", NetworkFixture.Form(("vid", "10")), NetworkFixture.Racks, NetworkFixture.Ct));

        Assert.Equal(["VID must be between 0 and 4094."], vid.Errors["vid"]);
        Assert.Equal(["Ensure this value is greater than or equal to 552."], mtu.Errors["mtu"]);
        Assert.Equal(["This field is required."], missing.Errors["vid"]);
        Assert.Equal(["VLAN with this Vid and Fabric already exists."], taken.Errors["__all__"]);
    }
}
