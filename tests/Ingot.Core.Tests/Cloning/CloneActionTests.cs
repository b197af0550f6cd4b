using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Tests.Fakes;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Cloning;

/// <summary>The clone UI action run through <see cref="MachineActions"/>: the acted-on machine is the source.</summary>
public class CloneActionTests
{
    private const long Gb = 1024L * 1024 * 1024;
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private readonly InMemoryMachineStore _store = new();
    private int _macs;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Machine> AddReadyAsync(string systemId, long diskBytes, params string[] nics)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        Machine machine = Machine.Create(systemId, systemId + "-host", now);
        machine.Architecture = "amd64/generic";
        machine.BlockDevices.Add(new BlockDevice { Name = "sda", SizeBytes = diskBytes, IsBootDisk = true });
        foreach (string nic in nics)
        {
            machine.Interfaces.Add(new NetworkInterface { Name = nic, MacAddress = MacAddress.Parse($"52:54:00:00:{++_macs:x2}:01") });
        }

        machine.TransitionTo(MachineStatus.Ready, now);
        await _store.AddAsync(machine, Ct);
        return machine;
    }

    private MachineActions Actions => new(_store, _time, LifecycleSettings.Default);

    [Fact]
    public async Task Clone_action_clones_the_good_destinations_and_reports_the_dropped_one_with_its_system_id()
    {
        await AddReadyAsync("src001", 8 * Gb, "eth0");
        Machine good = await AddReadyAsync("dst001", 16 * Gb, "eth0");
        Machine small = await AddReadyAsync("dst002", 4 * Gb, "eth0");
        var parameters = new ActionParameters { Cloning = new CloneParameters(["dst001", "dst002"], Storage: true, Interfaces: false) };

        var e = await Assert.ThrowsAsync<MachineOperationException>(() => Actions.ExecuteAsync("src001", NodeActions.Clone, s_admin, parameters, Ct));

        Assert.Equal("NodeActionError", e.Kind);
        Assert.Equal(ErrorCategory.BadRequest, e.Category);
        JsonElement error = Assert.Single(JsonDocument.Parse(e.Message).RootElement.EnumerateArray());
        Assert.Equal("storage", error.GetProperty("code").GetString());
        Assert.Equal("dst002", error.GetProperty("system_id").GetString());
        Assert.Contains("is smaller than source boot disk", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains((await _store.EventsAsync("dst001", Ct)), ev => ev.Description == "Cloning from 'src001-host'.");
        Assert.DoesNotContain((await _store.EventsAsync("dst002", Ct)), ev => ev.Description.StartsWith("Cloning", StringComparison.Ordinal));
        Assert.Equal(16 * Gb, good.BlockDevices[0].SizeBytes);
        Assert.Equal(4 * Gb, small.BlockDevices[0].SizeBytes);
    }

    [Fact]
    public async Task Clone_action_with_every_destination_good_succeeds()
    {
        await AddReadyAsync("src001", 8 * Gb, "eth0");
        await AddReadyAsync("dst001", 8 * Gb, "eth0", "eth1");
        var parameters = new ActionParameters { Cloning = new CloneParameters(["dst001"], Storage: false, Interfaces: true) };

        Machine? source = await Actions.ExecuteAsync("src001", NodeActions.Clone, s_admin, parameters, Ct);

        Assert.Equal("src001", source?.SystemId);
        Assert.Contains((await _store.EventsAsync("dst001", Ct)), ev => ev.Description == "Cloning from 'src001-host'.");
    }
}
