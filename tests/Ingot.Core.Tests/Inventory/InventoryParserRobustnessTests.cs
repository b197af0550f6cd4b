using System.Text;
using CsCheck;
using Ingot.Core.Inventory;

namespace Ingot.Core.Tests.Inventory;

public sealed class InventoryParserRobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"api_version\": \"1.0\", \"resources\": {\"cpu\": ")]
    [InlineData("{\"resources\": {\"storage\": {\"disks\": [{\"id\": \"\\ud800\"}]}}}")]
    public void A_document_that_is_not_a_JSON_object_is_refused_as_invalid_JSON(string text)
    {
        InventoryParseResult result = InventoryParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.False(result.Succeeded);
        Assert.Equal("invalid JSON data", result.Error);
        Assert.Equal("Failed processing commissioning data: invalid JSON data", result.Message);
    }

    [Fact]
    public void Another_api_version_or_a_missing_required_extension_is_refused_with_MAAS_reason()
    {
        InventoryParseResult version = InventoryParser.Parse("""{"api_version": "2.0", "resources": {}}"""u8);
        InventoryParseResult extensions = InventoryParser.Parse("""{"api_version": "1.0", "api_extensions": ["resources", "api_os"], "resources": {}}"""u8);

        Assert.Equal("Data not from LXD API 1.0!", version.Error);
        Assert.Equal("Missing required LXD API extensions ['resources_system', 'resources_usb_pci', 'resources_v2']", extensions.Error);
    }

    [Fact]
    public void Fields_of_the_wrong_kind_or_missing_read_as_empty()
    {
        InventoryParseResult result = InventoryParser.Parse("""
            {"resources": {
              "cpu": {"total": "8", "sockets": {"not": "a list"}},
              "memory": {"total": "lots", "nodes": [{"numa_node": null}]},
              "storage": {"disks": [{"id": "sda", "size": "1000000000", "rpm": "fast", "serial": 12345, "removable": "yes"}, {"model": "no id"}, 7]},
              "network": {"cards": [{"ports": [{"id": "eth0", "address": "not-a-mac"}, {"id": "eth1", "address": "52:54:00:00:00:01", "supported_modes": ["weird", "1000baseT/Full", 5]}]}]},
              "system": {"uuid": "not-a-uuid", "motherboard": null, "firmware": "text", "vendor": ["x"]}
            }}
            """u8);

        Assert.True(result.Succeeded, result.Error);
        MachineInventory inv = result.Inventory;
        Assert.Equal((8, 0, "", 0L), (inv.CpuCount, inv.CpuSpeed, inv.CpuModel, inv.Memory));
        InventoryDisk disk = Assert.Single(inv.Disks);
        Assert.Equal(("sda", 1000000000L, 0, "12345", false, 512), (disk.Name, disk.Size, disk.Rpm, disk.Serial, disk.Removable, disk.BlockSize));
        Assert.Equal("/dev/sda", disk.IdPath); // no device_id: by name
        var nic = Assert.Single(inv.Interfaces); // the port with an unreadable MAC is left out
        Assert.Equal(("eth1", 1000), (nic.Name, nic.InterfaceSpeed));
        Assert.Equal("", inv.System.HardwareUuid);
        Assert.Empty(inv.System.HardwareInfo);
        Assert.Equal("", inv.Architecture);
    }

    [Fact]
    public void A_bare_LXD_resources_document_is_read_as_the_resources_with_every_port_physical()
    {
        byte[] full = Fixtures.Bytes(Fixtures.DualSocketNvmeBond);
        var node = System.Text.Json.Nodes.JsonNode.Parse(full)!;
        byte[] bare = Encoding.UTF8.GetBytes(node["resources"]!.ToJsonString());

        InventoryParseResult result = InventoryParser.Parse(bare);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((64, "amd64/generic"), (result.Inventory.CpuCount, result.Inventory.Architecture)); // from cpu.architecture
        Assert.Equal(["eno8303", "enp193s0f0np0", "enp193s0f1np1"], result.Inventory.Interfaces.Select(i => i.Name));
    }

    [Fact]
    public void Random_bytes_and_mutilated_fixtures_never_throw()
    {
        byte[] fixture = Fixtures.Bytes(Fixtures.SingleSocketSata);
        Gen.Byte.Array[0, 512].Sample(bytes => _ = InventoryParser.Parse(bytes), iter: 2000);
        Gen.Select(Gen.Int[0, fixture.Length - 1], Gen.Int[1, 64], Gen.Byte).Sample(t =>
        {
            (int at, int length, byte value) = t;
            byte[] copy = (byte[])fixture.Clone();
            copy.AsSpan(at, Math.Min(length, copy.Length - at)).Fill(value);
            _ = InventoryParser.Parse(copy);
        }, iter: 2000);
    }
}
