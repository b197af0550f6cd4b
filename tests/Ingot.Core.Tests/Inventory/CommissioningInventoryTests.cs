using System.Text;
using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Tags;
using Ingot.Core.Tests.Fakes;

namespace Ingot.Core.Tests.Inventory;

public sealed class CommissioningInventoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly InMemoryMachineStore _machines = new();
    private readonly InMemoryTagStore _tags = new();
    private readonly InMemoryHardwareDetailsStore _details = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private TagEvaluation Evaluation => new(_tags, _machines, _details, _time);

    private CommissioningInventory Inventory => new(_machines, _tags, _details, Evaluation, _time);

    private async Task<Machine> AddAsync(string systemId, string mac)
    {
        Machine machine = Machine.Create(systemId, "node-" + systemId, _time.GetUtcNow().UtcDateTime);
        machine.Interfaces.Add(new NetworkInterface { Name = "eth0", MacAddress = MacAddress.Parse(mac) });
        await _machines.AddAsync(machine, Ct);
        return machine;
    }

    private async Task<Tag> TagAsync(string name, string definition)
    {
        var tag = new Tag { Name = name, Definition = definition };
        await _tags.AddAsync(tag, Ct);
        return tag;
    }

    [Fact]
    public async Task The_commissioning_output_is_applied_saved_and_the_virtual_tag_is_created()
    {
        await AddAsync("vm0001", "52:54:00:ab:cd:ef");

        InventoryParseResult result = await Inventory.ApplyAsync("vm0001", Fixtures.Bytes(Fixtures.QemuVm), Ct);

        Assert.True(result.Succeeded);
        Machine saved = (await _machines.FindAsync("vm0001", Ct))!;
        Assert.Equal((2, 2048L, "amd64/generic"), (saved.CpuCount, saved.Memory, saved.Architecture));
        Assert.Equal(["ens3"], saved.Interfaces.Select(i => i.Name));
        Assert.Equal([Machine.VirtualTag], saved.Tags);
        Assert.True(await _tags.ExistsAsync(Machine.VirtualTag, Ct));
    }

    [Fact]
    public async Task A_malformed_output_changes_nothing_but_records_MAAS_script_result_error_event()
    {
        Machine before = await AddAsync("bad001", "52:54:00:00:00:01");

        InventoryParseResult result = await Inventory.ApplyAsync("bad001", Encoding.UTF8.GetBytes("{\"resources\": "), Ct);

        Assert.False(result.Succeeded);
        Machine saved = (await _machines.FindAsync("bad001", Ct))!;
        Assert.Equal((0, 0L, ""), (saved.CpuCount, saved.Memory, saved.Architecture));
        Assert.Equal(["eth0"], saved.Interfaces.Select(i => i.Name));
        IReadOnlyList<MachineEvent> events = await _machines.EventsAsync("bad001", Ct);
        MachineEvent recorded = events[^1];
        Assert.Equal((EventTypes.ScriptResultError.Name, "Failed processing commissioning data: invalid JSON data"), (recorded.Type, recorded.Description));
        Assert.Equal(before.SystemId, saved.SystemId);
    }

    [Fact]
    public async Task Defined_tags_follow_the_details_on_commissioning_and_on_tag_population()
    {
        await AddAsync("sm0001", "3c:ec:ef:10:20:31");
        await AddAsync("other1", "52:54:00:00:00:02");
        await TagAsync("vmx", "//node[@id='cpu']//capability/@id = 'vmx'");
        await TagAsync("tor1", "//lldp:chassis/lldp:name = 'tor-switch-1'");
        await TagAsync("manual", "");
        Machine other = (await _machines.FindAsync("other1", Ct))!;
        other.Tag("vmx", _time.GetUtcNow().UtcDateTime); // wrongly tagged by hand: evaluation takes it off
        other.Tag("manual", _time.GetUtcNow().UtcDateTime);
        await _machines.SaveAsync(other, Ct);

        await Inventory.SaveDetailsAsync("sm0001", HardwareDetails.LshwName, Fixtures.Bytes("lshw-supermicro.xml"), Ct);
        Assert.Equal(["vmx"], (await _machines.FindAsync("sm0001", Ct))!.Tags);
        await Inventory.SaveDetailsAsync("sm0001", HardwareDetails.LldpName, Fixtures.Bytes("lldp-tor.xml"), Ct);
        await Inventory.ApplyAsync("sm0001", Fixtures.Bytes(Fixtures.SingleSocketSata), Ct);
        Assert.Equal(["vmx", "tor1"], (await _machines.FindAsync("sm0001", Ct))!.Tags);

        await Inventory.EvaluateTagsAsync("other1", Ct);
        Assert.Equal(["manual"], (await _machines.FindAsync("other1", Ct))!.Tags);

        Tag svm = await TagAsync("svm", "//node[@id='cpu']//capability/@id = 'svm'");
        Tag big = await TagAsync("big", "//node[@id='memory']/size >= 17179869184");
        await Evaluation.PopulateAsync(svm, Ct);
        await Evaluation.PopulateAsync(big, Ct);
        Assert.Equal(["vmx", "tor1", "big"], (await _machines.FindAsync("sm0001", Ct))!.Tags);
        Assert.Equal(["manual"], (await _machines.FindAsync("other1", Ct))!.Tags);
    }
}
