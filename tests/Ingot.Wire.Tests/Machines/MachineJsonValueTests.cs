using System.Text.Json;
using Ingot.Core.Scripts;
using Ingot.Wire.Machines;

namespace Ingot.Wire.Tests.Machines;

public class MachineJsonValueTests
{
    private readonly Core.Machines.Machine _machine = SampleMachines.Rich();

    private JsonElement Json => Rendered.Machine(_machine, SampleMachines.Context(_machine));

    [Fact]
    public void Identity_status_and_ownership_come_from_the_machine()
    {
        JsonElement json = Json;

        Assert.Equal("thr3am", json.GetProperty("system_id").GetString());
        Assert.Equal("calm-cod", json.GetProperty("hostname").GetString());
        Assert.Equal("calm-cod.sample", json.GetProperty("fqdn").GetString());
        Assert.Equal("Rack 4, slot 7", json.GetProperty("description").GetString());
        Assert.Equal(10, json.GetProperty("status").GetInt32());
        Assert.Equal("Allocated", json.GetProperty("status_name").GetString());
        Assert.Equal("admin", json.GetProperty("owner").GetString());
        Assert.False(json.GetProperty("locked").GetBoolean());
        Assert.Equal("/MAAS/api/2.0/machines/thr3am/", json.GetProperty("resource_uri").GetString());
        Assert.Equal(0, json.GetProperty("node_type").GetInt32());
        Assert.Equal("Machine", json.GetProperty("node_type_name").GetString());
    }

    [Fact]
    public void Hardware_power_and_os_fields_come_from_the_machine()
    {
        JsonElement json = Json;

        Assert.Equal("amd64/generic", json.GetProperty("architecture").GetString());
        Assert.Equal(4, json.GetProperty("cpu_count").GetInt32());
        Assert.Equal(2400, json.GetProperty("cpu_speed").GetInt32());
        Assert.Equal(8192, json.GetProperty("memory").GetInt64());
        Assert.Equal("ipmi", json.GetProperty("power_type").GetString());
        Assert.Equal("on", json.GetProperty("power_state").GetString());
        Assert.Equal("ubuntu", json.GetProperty("osystem").GetString());
        Assert.Equal("jammy", json.GetProperty("distro_series").GetString());
        Assert.Equal("hwe-22.04", json.GetProperty("hwe_kernel").GetString());
        Assert.Equal("ga-22.04", json.GetProperty("min_hwe_kernel").GetString());
        Assert.Equal("pxe", json.GetProperty("bios_boot_method").GetString());
        Assert.True(json.GetProperty("netboot").GetBoolean());
        Assert.Equal(["ssd", "fast"], json.GetProperty("tag_names").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Intel(R) Xeon(R) CPU E5-2620", json.GetProperty("hardware_info").GetProperty("cpu_model").GetString());
        Assert.Equal("Unknown", json.GetProperty("hardware_info").GetProperty("system_vendor").GetString());
        JsonElement numa = Assert.Single(json.GetProperty("numanode_set").EnumerateArray());
        Assert.Equal([0, 1, 2, 3], numa.GetProperty("cores").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(8192, numa.GetProperty("memory").GetInt64());
    }

    [Fact]
    public void Zone_pool_and_domain_carry_the_ids_and_descriptions_of_the_context()
    {
        JsonElement json = Json;

        Assert.Equal(
            """{"name":"zone-north","description":"North hall","id":2,"resource_uri":"/MAAS/api/2.0/zones/zone-north/"}""",
            json.GetProperty("zone").GetRawText());
        Assert.Equal(
            """{"name":"gpu","description":"GPU machines","id":3,"resource_uri":"/MAAS/api/2.0/resourcepool/3/"}""",
            json.GetProperty("pool").GetRawText());
        Assert.Equal(
            """{"authoritative":true,"ttl":300,"is_default":false,"resource_record_count":0,"id":1,"name":"sample","resource_uri":"/MAAS/api/2.0/domains/1/"}""",
            json.GetProperty("domain").GetRawText());
    }

    [Fact]
    public void Interfaces_show_their_vlan_links_subnets_and_family()
    {
        JsonElement[] nics = [.. Json.GetProperty("interface_set").EnumerateArray()];

        Assert.Equal(["eth0", "eth1", "eth1.30"], nics.Select(n => n.GetProperty("name").GetString()));
        JsonElement eth0 = nics[0];
        Assert.Equal(37, eth0.GetProperty("id").GetInt64());
        Assert.Equal("physical", eth0.GetProperty("type").GetString());
        Assert.Equal("cb:93:ac:d1:ed:65", eth0.GetProperty("mac_address").GetString());
        Assert.Equal(5003, eth0.GetProperty("vlan").GetProperty("id").GetInt64());
        Assert.Equal("fabric-1", eth0.GetProperty("vlan").GetProperty("fabric").GetString());
        Assert.Equal(1000, eth0.GetProperty("link_speed").GetInt32());
        Assert.Equal("/MAAS/api/2.0/nodes/thr3am/interfaces/37/", eth0.GetProperty("resource_uri").GetString());
        JsonElement link = Assert.Single(eth0.GetProperty("links").EnumerateArray());
        Assert.Equal("auto", link.GetProperty("mode").GetString());
        Assert.Equal("172.16.2.13", link.GetProperty("ip_address").GetString());
        Assert.Equal(2, link.GetProperty("subnet").GetProperty("id").GetInt64());
        Assert.Equal("172.16.2.0/24", link.GetProperty("subnet").GetProperty("cidr").GetString());
        Assert.Equal("172.16.2.1", link.GetProperty("subnet").GetProperty("gateway_ip").GetString());
        Assert.Equal("management", link.GetProperty("subnet").GetProperty("space").GetString());

        JsonElement eth1 = nics[1];
        Assert.False(eth1.GetProperty("enabled").GetBoolean());
        Assert.Equal(20, eth1.GetProperty("vlan").GetProperty("vid").GetInt32());
        Assert.Equal(9000, eth1.GetProperty("effective_mtu").GetInt32());
        Assert.Equal(["eth1.30"], eth1.GetProperty("children").EnumerateArray().Select(c => c.GetString()));
        JsonElement linkUp = Assert.Single(eth1.GetProperty("links").EnumerateArray());
        Assert.Equal("link_up", linkUp.GetProperty("mode").GetString());
        Assert.False(linkUp.TryGetProperty("subnet", out _));
        Assert.False(linkUp.TryGetProperty("ip_address", out _));

        JsonElement vlanChild = nics[2];
        Assert.Equal("vlan", vlanChild.GetProperty("type").GetString());
        Assert.Equal(["eth1"], vlanChild.GetProperty("parents").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void An_interface_on_no_VLAN_with_no_subnet_link_shows_vlan_null_as_MAAS_shows_a_disconnected_one()
    {
        _machine.Interfaces.Add(new Core.Hardware.NetworkInterface { Id = 40, Name = "eth2", MacAddress = Core.Hardware.MacAddress.Parse("cb:93:ac:d1:ed:67") });
        _machine.Interfaces.Add(new Core.Hardware.NetworkInterface
        {
            Id = 41,
            Name = "eth3",
            MacAddress = Core.Hardware.MacAddress.Parse("cb:93:ac:d1:ed:68"),
            Links = [new Core.Hardware.InterfaceLink { Mode = Core.Hardware.LinkMode.Dhcp }],
            Params = new Core.Hardware.InterfaceParams { Mtu = 9000 },
        });

        List<JsonElement> nics = [.. Json.GetProperty("interface_set").EnumerateArray()];

        Assert.Equal((JsonValueKind.Null, 1500), (nics[3].GetProperty("vlan").ValueKind, nics[3].GetProperty("effective_mtu").GetInt32()));
        Assert.Equal((JsonValueKind.Null, 9000), (nics[4].GetProperty("vlan").ValueKind, nics[4].GetProperty("effective_mtu").GetInt32()));
        Assert.Equal(5003, nics[0].GetProperty("vlan").GetProperty("id").GetInt64()); // no VID, but a link on a known subnet
    }

    [Fact]
    public void A_link_to_a_subnet_nobody_defined_shows_a_subnet_named_after_its_cidr()
    {
        JsonElement subnet = Json.GetProperty("interface_set")[2].GetProperty("links")[0].GetProperty("subnet");

        Assert.Equal("10.30.0.0/24", subnet.GetProperty("name").GetString());
        Assert.Equal("10.30.0.0/24", subnet.GetProperty("cidr").GetString());
        Assert.Equal("undefined", subnet.GetProperty("space").GetString());
        Assert.Equal(JsonValueKind.Null, subnet.GetProperty("gateway_ip").ValueKind);
    }

    [Fact]
    public void The_boot_interface_is_the_first_physical_one_and_addresses_gateways_follow_the_links()
    {
        JsonElement json = Json;

        Assert.Equal(json.GetProperty("interface_set")[0].GetRawText(), json.GetProperty("boot_interface").GetRawText());
        Assert.Equal(["172.16.2.13", "10.30.0.5"], json.GetProperty("ip_addresses").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(
            """{"ipv4":{"gateway_ip":"172.16.2.1","link_id":null},"ipv6":{"gateway_ip":null,"link_id":null}}""",
            json.GetProperty("default_gateways").GetRawText());
    }

    [Fact]
    public void Status_message_is_the_latest_event_with_its_type_description()
    {
        JsonElement json = Json;

        Assert.Equal("Node changed status - From 'Ready' to 'Allocated' (to admin)", json.GetProperty("status_message").GetString());
        Assert.Equal("", json.GetProperty("status_action").GetString());
    }

    [Fact]
    public void Commissioning_status_is_the_rollup_of_the_latest_commissioning_results_and_tests_without_results_are_unknown()
    {
        // The machine's stored outcome (Passed) is not what MAAS shows: its rollup over the latest results is.
        MachineJsonContext context = SampleMachines.Context(
            _machine, new Dictionary<string, CurrentScriptSets> { [_machine.SystemId] = new(7, null, null, null, null, ScriptStatus.Degraded) });
        JsonElement json = Rendered.Machine(_machine, context);

        Assert.Equal(6, json.GetProperty("commissioning_status").GetInt32());
        Assert.Equal("Degraded", json.GetProperty("commissioning_status_name").GetString());
        Assert.Equal(-1, json.GetProperty("testing_status").GetInt32());
        Assert.Equal("Unknown", json.GetProperty("testing_status_name").GetString());

        // Without results (no script sets), -1 "Unknown", whatever the machine stored.
        Assert.Equal(-1, Json.GetProperty("commissioning_status").GetInt32());
        Assert.Equal("Unknown", Json.GetProperty("commissioning_status_name").GetString());
    }

    [Fact]
    public void A_bare_new_machine_shows_maas_values_for_nothing()
    {
        JsonElement json = Rendered.Machine(SampleMachines.Bare(), MachineJsonContext.Default);

        Assert.Equal(0, json.GetProperty("status").GetInt32());
        Assert.Equal("New", json.GetProperty("status_name").GetString());
        Assert.Equal("bare-node.maas", json.GetProperty("fqdn").GetString());
        foreach (string key in new[] { "owner", "boot_interface", "boot_disk", "architecture", "hwe_kernel", "min_hwe_kernel", "bios_boot_method", "status_message", "status_action", "swap_size", "hardware_uuid" })
        {
            Assert.Equal(JsonValueKind.Null, json.GetProperty(key).ValueKind);
        }

        foreach (string key in new[] { "interface_set", "blockdevice_set", "physicalblockdevice_set", "ip_addresses", "tag_names", "special_filesystems" })
        {
            Assert.Equal(0, json.GetProperty(key).GetArrayLength());
        }

        Assert.Equal("0.0", json.GetProperty("storage").GetRawText());
        Assert.Equal("unknown", json.GetProperty("power_state").GetString());
        Assert.Equal("", json.GetProperty("power_type").GetString());
        Assert.Equal("", json.GetProperty("osystem").GetString());
        Assert.Equal(-1, json.GetProperty("commissioning_status").GetInt32());
        Assert.Equal("Unknown", json.GetProperty("commissioning_status_name").GetString());
        Assert.Equal("{}", json.GetProperty("owner_data").GetRawText());
        Assert.Equal(0, json.GetProperty("numanode_set")[0].GetProperty("cores").GetArrayLength());
        Assert.Equal(
            """{"name":"default","description":"","id":1,"resource_uri":"/MAAS/api/2.0/zones/default/"}""",
            json.GetProperty("zone").GetRawText());
        Assert.Equal(
            """{"name":"default","description":"Default pool","id":0,"resource_uri":"/MAAS/api/2.0/resourcepool/0/"}""",
            json.GetProperty("pool").GetRawText());
        Assert.Equal("maas", json.GetProperty("domain").GetProperty("name").GetString());
        Assert.True(json.GetProperty("domain").GetProperty("is_default").GetBoolean());
    }
}
