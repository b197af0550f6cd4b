using System.Buffers;
using System.Text.Json;
using Ingot.Core.Machines;
using Ingot.Wire.Machines;

namespace Ingot.Wire.Tests.Machines;

public class MachineJsonListTests
{
    [Fact]
    public void A_list_is_a_bare_array_of_machine_objects_in_the_order_given()
    {
        Machine[] machines = [SampleMachines.Rich(), SampleMachines.Bare()];
        var buffer = new ArrayBufferWriter<byte>();

        MachineJson.RenderList(machines, SampleMachines.Context(), buffer);

        JsonElement list = JsonDocument.Parse(buffer.WrittenMemory).RootElement;
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.Equal(["thr3am", "bare46"], list.EnumerateArray().Select(m => m.GetProperty("system_id").GetString()));
        Assert.Equal(Rendered.Machine(machines[0], SampleMachines.Context()).GetRawText(), list[0].GetRawText());
    }

    [Fact]
    public void An_empty_list_is_an_empty_array()
    {
        var buffer = new ArrayBufferWriter<byte>();

        MachineJson.RenderList([], MachineJsonContext.Default, buffer);

        Assert.Equal("[]"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task Streaming_a_long_list_writes_the_same_bytes_as_rendering_it()
    {
        Machine[] machines = [.. Enumerable.Range(0, 300).Select(_ => SampleMachines.Rich())];
        var buffer = new ArrayBufferWriter<byte>();
        MachineJson.RenderList(machines, SampleMachines.Context(), buffer);
        using var stream = new MemoryStream();

        await MachineJson.RenderListAsync(machines, SampleMachines.Context(), stream, TestContext.Current.CancellationToken);

        Assert.True(buffer.WrittenCount > 256 * 1024, "the list is long enough to be flushed in several chunks");
        Assert.Equal(buffer.WrittenSpan.ToArray(), stream.ToArray());
    }

    [Fact]
    public void Constraints_by_type_lists_matched_disks_partitions_and_interfaces_by_label()
    {
        var constraints = new ConstraintsByType
        {
            Storage = new Dictionary<string, IReadOnlyList<StorageMatch>>
            {
                ["root"] = [StorageMatch.Disk(18)],
                ["data"] = [StorageMatch.Partition(18, 1)],
            },
            Interfaces = new Dictionary<string, IReadOnlyList<long>> { ["eth0"] = [37] },
        };

        JsonElement json = Rendered.Allocated(SampleMachines.Rich(), SampleMachines.Context(), constraints);

        JsonElement byType = json.GetProperty("constraints_by_type");
        Assert.Equal(18, byType.GetProperty("storage").GetProperty("root")[0].GetInt64());
        string partition = byType.GetProperty("storage").GetProperty("data")[0].GetString()!;
        Assert.Equal(37, byType.GetProperty("interfaces").GetProperty("eth0")[0].GetInt64());
        // gomaasapi checks that every id exists in the machine it got back.
        long partitionId = long.Parse(partition["partition:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("partition:", partition, StringComparison.Ordinal);
        Assert.Contains(json.GetProperty("blockdevice_set")[0].GetProperty("partitions").EnumerateArray(), p => p.GetProperty("id").GetInt64() == partitionId);
        Assert.Contains(json.GetProperty("interface_set").EnumerateArray(), i => i.GetProperty("id").GetInt64() == 37);
    }

    [Fact]
    public void Only_the_constraint_kinds_given_appear()
    {
        var constraints = new ConstraintsByType { Interfaces = new Dictionary<string, IReadOnlyList<long>> { ["0"] = [37] } };

        JsonElement json = Rendered.Allocated(SampleMachines.Rich(), SampleMachines.Context(), constraints);

        Assert.Equal(["interfaces"], Rendered.Keys(json.GetProperty("constraints_by_type")));
    }

    [Fact]
    public void A_zone_pool_or_domain_the_context_does_not_know_renders_by_name_with_id_0()
    {
        var machine = SampleMachines.Bare();
        machine.Zone = "attic";
        machine.Pool = "spare";
        machine.Domain = "lab.example";

        JsonElement json = Rendered.Machine(machine, MachineJsonContext.Default);

        Assert.Equal("""{"name":"attic","description":"","id":0,"resource_uri":"/MAAS/api/2.0/zones/attic/"}""", json.GetProperty("zone").GetRawText());
        Assert.Equal("spare", json.GetProperty("pool").GetProperty("name").GetString());
        Assert.Equal("lab.example", json.GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal("bare-node.lab.example", json.GetProperty("fqdn").GetString());
    }

    [Fact]
    public void Quotes_control_characters_and_non_ascii_text_stay_valid_json()
    {
        var machine = SampleMachines.Bare();
        machine.Description = "Bay \"7\"\n\\ Zürich 東京 </script>";

        JsonElement json = Rendered.Machine(machine, MachineJsonContext.Default);

        Assert.Equal(machine.Description, json.GetProperty("description").GetString());
    }
}
