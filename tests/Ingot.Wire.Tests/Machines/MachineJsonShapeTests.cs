using System.Text.Json;
using Ingot.Wire.Machines;

namespace Ingot.Wire.Tests.Machines;

public class MachineJsonShapeTests
{
    [Fact]
    public void A_rich_machine_has_every_key_of_the_spec_with_its_kind_and_nothing_else()
    {
        var machine = SampleMachines.Rich();
        JsonElement json = Rendered.Machine(machine, SampleMachines.Context(machine));

        AssertNestedShapes(json);
        // With data, the nullable fields that matter to clients are filled in.
        foreach (string key in new[] { "owner", "boot_interface", "boot_disk", "architecture", "hwe_kernel", "min_hwe_kernel", "bios_boot_method", "status_message", "status_action" })
        {
            Assert.NotEqual(JsonValueKind.Null, json.GetProperty(key).ValueKind);
        }
    }

    [Fact]
    public void A_bare_new_machine_has_every_key_of_the_spec_with_its_kind()
    {
        JsonElement json = Rendered.Machine(SampleMachines.Bare(), MachineJsonContext.Default);

        AssertNestedShapes(json);
    }

    [Fact]
    public void Only_an_allocate_response_carries_constraints_by_type()
    {
        var machine = SampleMachines.Rich();

        JsonElement read = Rendered.Machine(machine, SampleMachines.Context());
        JsonElement allocated = Rendered.Allocated(machine, SampleMachines.Context(), ConstraintsByType.None);

        Assert.False(read.TryGetProperty("constraints_by_type", out _));
        Assert.Equal(JsonValueKind.Object, allocated.GetProperty("constraints_by_type").ValueKind);
        Assert.Equal("{}", allocated.GetProperty("constraints_by_type").GetRawText());
        Assert.Equal(Rendered.Keys(read).Length + 1, Rendered.Keys(allocated).Length);
    }

    [Fact]
    public void The_keys_come_in_the_order_of_the_spec_example()
    {
        JsonElement json = Rendered.Machine(SampleMachines.Rich(), SampleMachines.Context());

        Assert.Equal([.. MachineShape.Machine.Keys], Rendered.Keys(json));
    }

    private static void AssertNestedShapes(JsonElement json)
    {
        MachineShape.Assert(json, MachineShape.Machine, "machine");
        MachineShape.Assert(json.GetProperty("domain"), MachineShape.Domain, "domain");
        MachineShape.Assert(json.GetProperty("zone"), MachineShape.Zone, "zone");
        MachineShape.Assert(json.GetProperty("pool"), MachineShape.Zone, "pool");
        MachineShape.Assert(json.GetProperty("default_gateways").GetProperty("ipv4"), MachineShape.Gateway, "ipv4");
        MachineShape.Assert(json.GetProperty("default_gateways").GetProperty("ipv6"), MachineShape.Gateway, "ipv6");
        Assert.Equal(MachineShape.HardwareInfoKeys, Rendered.Keys(json.GetProperty("hardware_info")));
        Assert.All(json.GetProperty("hardware_info").EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.All(json.GetProperty("numanode_set").EnumerateArray(), n => MachineShape.Assert(n, MachineShape.NumaNode, "numanode"));

        var interfaces = json.GetProperty("interface_set").EnumerateArray().ToList();
        if (json.GetProperty("boot_interface").ValueKind == JsonValueKind.Object)
        {
            interfaces.Add(json.GetProperty("boot_interface"));
        }

        foreach (JsonElement nic in interfaces)
        {
            MachineShape.Assert(nic, MachineShape.Interface, "interface");
            MachineShape.Assert(nic.GetProperty("vlan"), MachineShape.Vlan, "interface.vlan");
            foreach (JsonElement link in nic.GetProperty("links").EnumerateArray())
            {
                MachineShape.Assert(link, MachineShape.Link, "link", "subnet", "ip_address");
                if (link.TryGetProperty("subnet", out JsonElement subnet))
                {
                    MachineShape.Assert(subnet, MachineShape.Subnet, "subnet");
                    MachineShape.Assert(subnet.GetProperty("vlan"), MachineShape.Vlan, "subnet.vlan");
                }
            }
        }

        var disks = json.GetProperty("blockdevice_set").EnumerateArray().Concat(json.GetProperty("physicalblockdevice_set").EnumerateArray()).ToList();
        if (json.GetProperty("boot_disk").ValueKind == JsonValueKind.Object)
        {
            disks.Add(json.GetProperty("boot_disk"));
        }

        foreach (JsonElement disk in disks)
        {
            MachineShape.Assert(disk, MachineShape.BlockDevice, "blockdevice");
            AssertFilesystem(disk.GetProperty("filesystem"));
            foreach (JsonElement partition in disk.GetProperty("partitions").EnumerateArray())
            {
                MachineShape.Assert(partition, MachineShape.Partition, "partition");
                AssertFilesystem(partition.GetProperty("filesystem"));
            }
        }
    }

    private static void AssertFilesystem(JsonElement filesystem)
    {
        if (filesystem.ValueKind != JsonValueKind.Null)
        {
            MachineShape.Assert(filesystem, MachineShape.Filesystem, "filesystem");
        }
    }
}
