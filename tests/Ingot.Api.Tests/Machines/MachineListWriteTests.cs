using Ingot.Api.Machines;
using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Scripts;
using Ingot.Core.Users;
using Ingot.Wire.Machines;
using Ingot.Wire.Resources;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// The list written from kept per-machine JSON (<see cref="MachineListResponse.WriteAsync"/>) is
/// byte for byte what the whole-list renderer writes with the list's writer options, for machines of
/// every kind (statuses, owners, texts escaped differently, no hardware, unknown zones, VLANs,
/// status events), both when nothing is kept yet and when everything is.
/// </summary>
public sealed class MachineListWriteTests
{
    private static readonly DateTime s_when = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kept_machine_json_writes_the_same_bytes_as_the_list_renderer()
    {
        List<Machine> machines = Varied();
        var context = new MachineJsonContext
        {
            Zones = [ZoneInfo.Default, new ZoneInfo(7, "rack+2", "row <B> & 'c' é")],
            Pools = [PoolInfo.Default, new PoolInfo(3, "gpu", "pool ✓")],
            Vlans = [VlanInfo.Default, new VlanInfo(9, "v42", 42, "fabric-1", 1)],
            LatestEvents = new Dictionary<string, MachineEvent>
            {
                [machines[1].SystemId] = new MachineEvent("NODE_POWERED_ON", EventLevel.Info, "Powered on <now> é", s_when) { Id = 5 },
            },
            ScriptSets = new Dictionary<string, CurrentScriptSets>
            {
                [machines[1].SystemId] = new CurrentScriptSets(11, 12, null, ScriptStatus.Failed, new HardwareTestStatuses(ScriptStatus.Passed, null, ScriptStatus.Failed, ScriptStatus.Running, null)),
            },
        };
        byte[] expected = await RenderAsync(s => MachineJson.RenderListAsync(machines, context, s, MachineResponses.ListWriterOptions, Ct));
        List<MachineListCache.Entry> entries = [.. machines.Select(m => new MachineListCache.Entry(m))];

        byte[] cold = await RenderAsync(s => MachineListResponse.WriteAsync(entries, context, s, Ct));
        byte[] warm = await RenderAsync(s => MachineListResponse.WriteAsync(entries, context, s, Ct));

        Assert.Equal(expected, cold);
        Assert.Equal(expected, warm);
        Assert.All(entries, e => Assert.NotNull(e.Json(
            context.Fingerprint, context.LatestEvents.GetValueOrDefault(e.Machine.SystemId), context.ScriptSets.GetValueOrDefault(e.Machine.SystemId))));
    }

    [Fact]
    public void Kept_json_is_not_reused_under_another_context_latest_event_or_script_sets()
    {
        var entry = new MachineListCache.Entry(Varied()[0]);
        var before = new MachineJsonContext { Zones = [ZoneInfo.Default, new ZoneInfo(7, "rack+2", "one")] };
        var after = new MachineJsonContext { Zones = [ZoneInfo.Default, new ZoneInfo(7, "rack+2", "two")] };
        var evt = new MachineEvent("NODE_POWERED_ON", EventLevel.Info, "on", s_when) { Id = 1 };
        var sets = new CurrentScriptSets(3, 4, null, ScriptStatus.Passed);
        entry.Keep([1, 2, 3], before.Fingerprint, evt, sets);

        Assert.NotNull(entry.Json(before.Fingerprint, evt, sets));
        Assert.NotNull(entry.Json(before.Fingerprint, evt, sets with { }));
        Assert.NotEqual(before.Fingerprint, after.Fingerprint);
        Assert.Null(entry.Json(after.Fingerprint, evt, sets));
        Assert.Null(entry.Json(before.Fingerprint, evt with { Id = 2 }, sets));
        Assert.Null(entry.Json(before.Fingerprint, null, sets));
        Assert.Null(entry.Json(before.Fingerprint, evt, sets with { Testing = 5 }));
        Assert.Null(entry.Json(before.Fingerprint, evt, sets with { TestingStatus = ScriptStatus.Running }));
        Assert.Null(entry.Json(before.Fingerprint, evt, sets with { Hardware = new HardwareTestStatuses(null, null, ScriptStatus.Failed, null, null) }));
        Assert.Null(entry.Json(before.Fingerprint, evt, null));
    }

    private static async Task<byte[]> RenderAsync(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return stream.ToArray();
    }

    private static List<Machine> Varied()
    {
        Machine bare = Machine.Create("var0001", "bare", s_when);

        Machine ready = Machine.Create("var0002", "ready-é", s_when);
        ready.TransitionTo(MachineStatus.Commissioning, s_when);
        ready.TransitionTo(MachineStatus.Ready, s_when);
        ready.CommissioningResult = ScriptSetStatus.Passed;
        ready.Zone = "rack+2";
        ready.Pool = "gpu";
        ready.Description = "<b>'quoted'</b> + \"more\" ✓";
        ready.Tags = ["a+b", "c"];
        ready.Interfaces =
        [
            new NetworkInterface { Id = 11, Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:aa:00:01"), Links = [new InterfaceLink { Mode = LinkMode.Dhcp }] },
            new NetworkInterface { Id = 12, Name = "eth1", MacAddress = MacAddress.Parse("52:54:00:aa:00:02"), Vlan = 42, Enabled = false },
        ];
        ready.BlockDevices =
        [
            new BlockDevice { Id = 21, Name = "sda", SizeBytes = 1_000_000_000, IsBootDisk = true, Partitions = [new Partition { SizeBytes = 500_000_000, Filesystem = new Filesystem { Type = "ext4", MountPoint = "/" } }] },
            new BlockDevice { Id = 22, Name = "nvme0n1", SizeBytes = 2_000_000_000, Tags = ["ssd"] },
        ];

        Machine owned = Machine.Create("var0003", "owned", s_when);
        owned.TransitionTo(MachineStatus.Commissioning, s_when);
        owned.TransitionTo(MachineStatus.Ready, s_when);
        owned.Acquire(Actor.User("carol", isAdmin: false), s_when);
        owned.SetOwnerData(new Dictionary<string, string> { ["k+1"] = "<v> é" }, s_when);
        owned.Zone = "unknown-zone";

        Machine broken = Machine.Create("var0004", "broken", s_when);
        broken.TransitionTo(MachineStatus.Commissioning, s_when);
        broken.TransitionTo(MachineStatus.Ready, s_when);
        broken.MarkBroken(Actor.User("admin", isAdmin: true), s_when, LifecycleSettings.Default, "fan");
        return [bare, ready, owned, broken];
    }
}
