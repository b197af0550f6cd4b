using System.Text;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Tags;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    private static readonly byte[] s_lshw = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" standalone=\"yes\" ?><list><node id=\"node1\" class=\"system\"><vendor>Supermicro</vendor>" +
        "<node id=\"cpu\" class=\"processor\"><capabilities><capability id=\"vmx\" /></capabilities></node></node></list>");

    [Fact]
    public async Task Hardware_details_round_trip_are_replaced_and_go_with_the_machine()
    {
        await using DataServices data = Database.Open();
        Machine machine = await AddMachineAsync(data, _ => { });
        Machine other = await AddMachineAsync(data, _ => { });
        byte[] lldp = Encoding.UTF8.GetBytes("<lldp><interface name=\"eno1\"/></lldp>");

        Assert.Equal(HardwareDetails.None, await data.HardwareDetails.GetAsync(machine.SystemId, Ct));
        Assert.True(await data.HardwareDetails.SaveAsync(machine.SystemId, HardwareDetails.LshwName, [1, 2, 3], Ct));
        Assert.True(await data.HardwareDetails.SaveAsync(machine.SystemId, HardwareDetails.LshwName, s_lshw, Ct));
        Assert.True(await data.HardwareDetails.SaveAsync(machine.SystemId, HardwareDetails.LldpName, lldp, Ct));
        Assert.True(await data.HardwareDetails.SaveAsync(other.SystemId, HardwareDetails.LldpName, lldp, Ct));
        Assert.False(await data.HardwareDetails.SaveAsync("nosuch", HardwareDetails.LshwName, s_lshw, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => data.HardwareDetails.SaveAsync(machine.SystemId, "dmesg", s_lshw, Ct));

        HardwareDetails found = await data.HardwareDetails.GetAsync(machine.SystemId, Ct);
        Assert.Equal(s_lshw, found.Lshw);
        Assert.Equal(lldp, found.Lldp);
        IReadOnlyDictionary<string, HardwareDetails> many = await data.HardwareDetails.GetManyAsync([machine.SystemId, other.SystemId, "nosuch"], Ct);
        Assert.Equal(new[] { machine.SystemId, other.SystemId }.Order(StringComparer.Ordinal), many.Keys.Order(StringComparer.Ordinal));
        Assert.Null(many[other.SystemId].Lshw);

        await data.Machines.DeleteAsync((await data.Machines.FindAsync(machine.SystemId, Ct))!, Ct);
        Assert.Equal(HardwareDetails.None, await data.HardwareDetails.GetAsync(machine.SystemId, Ct));
        Assert.Equal(lldp, (await data.HardwareDetails.GetAsync(other.SystemId, Ct)).Lldp);
    }

    [Fact]
    public async Task A_tag_with_a_definition_is_put_on_exactly_the_machines_it_matches_and_saved()
    {
        await using DataServices data = Database.Open();
        var evaluation = new TagEvaluation(data.Tags, data.Machines, data.HardwareDetails, Time);
        var tags = new TagOperations(data.Tags, evaluation, Time);
        Machine matching = await AddMachineAsync(data, _ => { });
        Machine plain = await AddMachineAsync(data, _ => { });
        await data.HardwareDetails.SaveAsync(matching.SystemId, HardwareDetails.LshwName, s_lshw, Ct);
        string name = $"vmx-{TestMachines.NewSystemId()}";

        await tags.CreateAsync(s_admin, name, "//node[@id='cpu']//capability/@id = 'vmx'", null, null, Ct);

        Assert.Equal([matching.SystemId], await data.Tags.MachinesAsync(name, Ct));
        Machine saved = (await data.Machines.FindAsync(matching.SystemId, Ct))!;
        Assert.Equal(matching.Version + 1, saved.Version);
        Assert.Equal(plain.Version, (await data.Machines.FindAsync(plain.SystemId, Ct))!.Version);

        await tags.UpdateAsync(s_admin, name, null, "//node[@class='system']/vendor = 'Dell Inc.'", null, null, Ct);
        Assert.Empty(await data.Tags.MachinesAsync(name, Ct));
    }

    [Fact]
    public async Task Commissioning_output_applied_through_the_stores_round_trips()
    {
        await using DataServices data = Database.Open();
        var evaluation = new TagEvaluation(data.Tags, data.Machines, data.HardwareDetails, Time);
        var inventory = new CommissioningInventory(data.Machines, data.Tags, data.HardwareDetails, evaluation, Time);
        // A plain commissioning: TestMachines.Full sets skip_networking (to prove it round-trips), which would keep its interfaces.
        Machine machine = await AddMachineAsync(data, m => m.SkipNetworking = false);
        byte[] output = Encoding.UTF8.GetBytes("""
            {"api_version": "1.0", "environment": {"kernel_architecture": "aarch64"},
             "resources": {"cpu": {"total": 4, "sockets": [{"name": "Neoverse-N1", "frequency": 3000,
                              "cores": [{"threads": [{"id": 0, "numa_node": 0}, {"id": 1, "numa_node": 0}]}, {"threads": [{"id": 2, "numa_node": 1}, {"id": 3, "numa_node": 1}]}]}]},
                           "memory": {"total": 8589934592, "nodes": [{"numa_node": 0, "total": 4294967296}, {"numa_node": 1, "total": 4294967296}]},
                           "storage": {"disks": [{"id": "nvme0n1", "model": "M", "serial": "S1", "size": 960197124096, "block_size": 4096, "type": "nvme", "device_id": "nvme-M_S1", "numa_node": 1, "firmware_version": "F1"}]},
                           "network": {"cards": [{"vendor": "Broadcom", "product": "BCM57414", "firmware_version": "224.0", "numa_node": 1, "sriov": {"maximum_vfs": 64},
                                                  "ports": [{"id": "enp1s0", "address": "00:0a:f7:a1:b2:c0", "link_detected": true, "link_speed": 25000, "supported_modes": ["25000baseCR/Full"]}]}]},
                           "system": {"uuid": "a1b2c3d4-0000-1111-2222-333344445555", "vendor": "GIGABYTE", "product": "R152-P31-00", "type": "physical"}},
             "networks": {"enp1s0": {"type": "broadcast", "hwaddr": "00:0a:f7:a1:b2:c0", "state": "up", "addresses": []}}}
            """);

        InventoryParseResult result = await inventory.ApplyAsync(machine.SystemId, output, Ct);

        Assert.True(result.Succeeded, result.Error);
        Machine saved = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal(("arm64/generic", 4, 8192L, 3000), (saved.Architecture, saved.CpuCount, saved.Memory, saved.CpuSpeed));
        Assert.Equal([2, 3], saved.NumaNodes[1].Cores);
        Assert.Equal(("a1b2c3d4-0000-1111-2222-333344445555", "R152-P31-00"), (saved.HardwareUuid, saved.HardwareInfo["system_product"]));
        var disk = Assert.Single(saved.BlockDevices);
        Assert.Equal(("/dev/disk/by-id/nvme-M_S1", "F1", 1, 4096), (disk.IdPath, disk.FirmwareVersion, disk.NumaNode, disk.BlockSize));
        var nic = Assert.Single(saved.Interfaces);
        Assert.Equal(("enp1s0", 25000, 25000, true, "Broadcom", "BCM57414", "224.0", 1, 64), (nic.Name, nic.LinkSpeed, nic.InterfaceSpeed, nic.LinkConnected, nic.Vendor, nic.Product, nic.FirmwareVersion, nic.NumaNode, nic.SriovMaxVf));
    }
}
