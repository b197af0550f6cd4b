using Ingot.Core.Hardware;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Tests.Actions;

namespace Ingot.Core.Tests.Networks;

/// <summary>
/// MAAS's <c>set_initial_networking_configuration</c> after the commissioning output is applied: the boot interface
/// AUTO on the subnet of the address it reported, else on its VLAN's first subnet, else DHCP; the other enabled
/// interfaces LINK_UP; nothing with skip_networking or on a deployed machine.
/// </summary>
public sealed class InitialNetworkingTests
{
    private static readonly DateTime s_now = new(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc);

    private static readonly NetworkModel s_model = new(
        1,
        [new Fabric { Id = Fabric.DefaultId }, new Fabric { Id = 2 }],
        [new Vlan { Id = 1, FabricId = 2, Vid = 0 }, new Vlan { Id = 2, FabricId = Fabric.DefaultId, Vid = 0 }, new Vlan { Id = 3, FabricId = 2, Vid = 50 }],
        [],
        [
            new Subnet { Id = 1, Name = "lab", Cidr = "10.9.0.0/24", VlanId = 1 },
            new Subnet { Id = 2, Name = "other", Cidr = "10.8.0.0/16", VlanId = 2 },
            new Subnet { Id = 3, Name = "tagged-b", Cidr = "10.50.2.0/24", VlanId = 3 },
            new Subnet { Id = 4, Name = "tagged-a", Cidr = "10.50.1.0/24", VlanId = 3 },
        ],
        [],
        []);

    private static Machine Commissioning(bool skipNetworking = false, MachineStatus status = MachineStatus.Commissioning)
    {
        Machine machine = MachineFixture.InStatus(status);
        machine.Interfaces.Clear();
        machine.Interfaces.Add(new NetworkInterface { Id = 10, Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:00:00:01") });
        machine.Interfaces.Add(new NetworkInterface { Id = 11, Name = "eth1", MacAddress = MacAddress.Parse("52:54:00:00:00:02") });
        machine.ResetConfigurationForCommissioning(skipNetworking, skipStorage: false);
        return machine;
    }

    private static MachineInventory Reported(params (string Name, string Mac, bool Up, string[] Addresses)[] nics) => new()
    {
        Interfaces = [.. nics.Select(n => new InventoryInterface { Name = n.Name, MacAddress = MacAddress.Parse(n.Mac), LinkConnected = n.Up, Addresses = n.Addresses })],
    };

    private static void Commission(Machine machine, MachineInventory inventory)
    {
        if (machine.ApplyInventory(inventory, s_now))
        {
            machine.SetInitialNetworking(inventory, s_model);
        }
    }

    private static (LinkMode Mode, string? Subnet)[] Links(Machine machine, string name) =>
        [.. machine.Interfaces.Single(i => i.Name == name).Links.Select(l => (l.Mode, l.Subnet))];

    [Fact]
    public void The_boot_interface_gets_an_auto_link_on_the_subnet_of_its_reported_address_and_the_others_link_up()
    {
        Machine machine = Commissioning();
        machine.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.8.0.0/16", IpAddress = "10.8.0.9" });
        machine.ResetConfigurationForCommissioning(skipNetworking: false, skipStorage: false);

        Commission(machine, Reported(("eno1", "52:54:00:00:00:01", true, ["10.9.0.57/24"]), ("eno2", "52:54:00:00:00:02", true, [])));

        Assert.Equal([(LinkMode.Auto, "10.9.0.0/24")], Links(machine, "eno1"));
        Assert.Null(machine.Interfaces[0].Links[0].IpAddress); // the address comes at deployment
        Assert.Equal([(LinkMode.LinkUp, (string?)null)], Links(machine, "eno2"));
        Assert.Equal([0, 0], machine.Interfaces.Select(i => i.Vlan)); // the subnet's VLAN; a connected NIC the untagged one
    }

    [Fact]
    public void The_recorded_boot_interface_gets_the_auto_link_and_the_first_nic_link_up()
    {
        Machine machine = Commissioning();
        Assert.True(machine.RecordBootInterface(MacAddress.Parse("52:54:00:00:00:02")));

        Commission(machine, Reported(("eth0", "52:54:00:00:00:01", true, ["10.8.3.4/16"]), ("eth1", "52:54:00:00:00:02", true, ["10.9.0.57/24"])));

        Assert.Equal([(LinkMode.Auto, "10.9.0.0/24")], Links(machine, "eth1"));
        Assert.Equal([(LinkMode.LinkUp, "10.8.0.0/16")], Links(machine, "eth0"));
        Assert.Same(machine.Interfaces[1], machine.BootInterface);
    }

    [Fact]
    public void A_boot_mac_no_physical_interface_carries_is_not_recorded_and_a_vanished_one_falls_back_to_the_first_physical()
    {
        Machine machine = Commissioning();
        Assert.False(machine.RecordBootInterface(MacAddress.Parse("52:54:00:00:00:09")));
        Assert.Null(machine.BootInterfaceMac);
        Assert.Same(machine.Interfaces[0], machine.BootInterface);

        Assert.True(machine.RecordBootInterface(MacAddress.Parse("52:54:00:00:00:02")));
        Assert.False(machine.RecordBootInterface(MacAddress.Parse("52:54:00:00:00:02"))); // unchanged: nothing to save
        machine.Interfaces.RemoveAt(1);
        Assert.Same(machine.Interfaces[0], machine.BootInterface);
    }

    [Fact]
    public void A_non_boot_interface_with_a_reported_address_gets_link_up_on_that_subnet()
    {
        Machine machine = Commissioning();

        Commission(machine, Reported(("eth0", "52:54:00:00:00:01", true, ["10.9.0.57/24"]), ("eth1", "52:54:00:00:00:02", true, ["10.8.3.4/16"])));

        Assert.Equal([(LinkMode.LinkUp, "10.8.0.0/16")], Links(machine, "eth1"));
    }

    [Fact]
    public void A_host_prefix_address_takes_the_most_specific_known_subnet_and_an_unknown_network_is_not_discovered()
    {
        Assert.Equal("10.9.0.0/24", InitialNetworking.SubnetOf("10.9.0.57/32", s_model)?.Cidr);
        Assert.Equal("10.8.0.0/16", InitialNetworking.SubnetOf("10.8.7.7/16", s_model)?.Cidr);
        Assert.Null(InitialNetworking.SubnetOf("10.8.7.7/24", s_model)); // MAAS would create 10.8.7.0/24; Ingot creates no subnet
        Assert.Null(InitialNetworking.SubnetOf("not an address", s_model));
    }

    [Fact]
    public void Without_a_discovered_subnet_the_boot_interface_gets_auto_on_its_vlans_first_subnet_else_dhcp()
    {
        Machine onTagged = Commissioning();
        onTagged.Interfaces[0].Vlan = 50;
        Commission(onTagged, Reported(("eth0", "52:54:00:00:00:01", true, ["192.168.1.5/24"]), ("eth1", "52:54:00:00:00:02", true, [])));
        Assert.Equal([(LinkMode.Auto, "10.50.2.0/24")], Links(onTagged, "eth0")); // the VLAN's subnet with the lowest id

        Machine onEmptyVlan = Commissioning();
        onEmptyVlan.Interfaces[0].Vlan = 99;
        Commission(onEmptyVlan, Reported(("eth0", "52:54:00:00:00:01", true, []), ("eth1", "52:54:00:00:00:02", true, [])));
        Assert.Equal([(LinkMode.Dhcp, (string?)null)], Links(onEmptyVlan, "eth0"));

        // A connected NIC of unknown VLAN goes on the untagged VLAN (MAAS's default VLAN): the default fabric's first subnet.
        Machine noVlan = Commissioning();
        Commission(noVlan, Reported(("eth0", "52:54:00:00:00:01", true, []), ("eth1", "52:54:00:00:00:02", true, [])));
        Assert.Equal([(LinkMode.Auto, "10.8.0.0/16")], Links(noVlan, "eth0"));
        Assert.Equal(0, noVlan.Interfaces[0].Vlan);

        // One with no link detected and no address is disconnected: no VLAN, no link.
        Machine unplugged = Commissioning();
        unplugged.Interfaces[0].Vlan = 50;
        Commission(unplugged, Reported(("eth0", "52:54:00:00:00:01", false, []), ("eth1", "52:54:00:00:00:02", true, [])));
        Assert.Empty(Links(unplugged, "eth0"));
        Assert.Null(unplugged.Interfaces[0].Vlan);
    }

    [Fact]
    public void The_boot_interface_is_the_first_physical_one_and_disabled_interfaces_get_no_link()
    {
        Machine machine = Commissioning();
        machine.Interfaces.Insert(0, new NetworkInterface { Id = 9, Name = "bond0", Type = InterfaceType.Bond, Parents = ["eth0"] });
        machine.Interfaces[2].Enabled = false;

        Assert.Same(machine.Interfaces[1], InitialNetworking.BootInterface(machine.Interfaces));
        InitialNetworking.Apply(machine.Interfaces, Reported(("eth0", "52:54:00:00:00:01", true, ["10.9.0.8/24"])).Interfaces, s_model);

        Assert.Equal([(LinkMode.Auto, "10.9.0.0/24")], Links(machine, "eth0"));
        Assert.Equal([(LinkMode.LinkUp, (string?)null)], Links(machine, "bond0"));
        Assert.Empty(Links(machine, "eth1"));
    }

    [Fact]
    public void Skip_networking_leaves_the_links_and_a_deployed_machine_is_not_touched()
    {
        Machine skipped = Commissioning(skipNetworking: true);
        skipped.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.8.0.0/16", IpAddress = "10.8.0.9" });
        Commission(skipped, Reported(("eth0", "52:54:00:00:00:01", true, ["10.9.0.57/24"]), ("eth1", "52:54:00:00:00:02", true, [])));
        Assert.Equal([(LinkMode.Static, "10.8.0.0/16")], Links(skipped, "eth0"));
        Assert.Empty(Links(skipped, "eth1"));
        Assert.False(skipped.SkipNetworking);

        Machine deployed = Commissioning(status: MachineStatus.Deployed);
        MachineInventory inventory = Reported(("eth0", "52:54:00:00:00:01", true, ["10.9.0.57/24"]), ("eth1", "52:54:00:00:00:02", true, []));
        deployed.ApplyInventory(inventory, s_now);
        deployed.SetInitialNetworking(inventory, s_model);
        Assert.All(deployed.Interfaces, i => Assert.Empty(i.Links));
    }

    [Fact]
    public void Applying_again_keeps_one_auto_link_and_drops_the_boot_interfaces_link_up()
    {
        Machine machine = Commissioning(status: MachineStatus.New);
        machine.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.LinkUp });
        MachineInventory inventory = Reported(("eth0", "52:54:00:00:00:01", true, ["10.9.0.57/24"]), ("eth1", "52:54:00:00:00:02", true, []));

        Commission(machine, inventory);
        Commission(machine, inventory);

        Assert.Equal([(LinkMode.Auto, "10.9.0.0/24")], Links(machine, "eth0"));
        Assert.Equal([(LinkMode.LinkUp, (string?)null)], Links(machine, "eth1"));
    }
}
