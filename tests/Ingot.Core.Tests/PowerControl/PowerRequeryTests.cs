using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Tests.Actions;
using Ingot.Core.Tests.Fakes;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>The power query 20 s after MAAS's QUERY_TRANSITIONS (maas-transitions.json "power_query_after_transition").</summary>
public sealed class PowerRequeryTests
{
    private readonly FakeTimeProvider _time = new(MachineFixture.Start);
    private readonly FakePowerClient _client = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> AllPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (MachineStatus from in MachineStatuses.All)
        {
            foreach (MachineStatus to in MachineStatuses.All)
            {
                data.Add(from.ConstantName(), to.ConstantName());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void A_status_change_calls_for_a_query_exactly_as_the_reference_lists(string fromName, string toName)
    {
        MachineStatus from = ReferenceData.Status(fromName);
        MachineStatus to = ReferenceData.Status(toName);
        bool listed = ReferenceData.Root.GetProperty("power_query_after_transition").TryGetProperty(fromName, out var targets)
            && ReferenceData.Statuses(targets).Contains(to);
        Machine machine = MachineFixture.InStatus(from);
        machine.TakePowerQueryDue();

        machine.ForceStatus(to, UnvalidatedReason.AddedDeployed, MachineFixture.Start);

        Assert.Equal(listed && from != to, machine.PowerQueryDue);
        Assert.Equal(listed && from != to, PowerQueryTransitions.Triggers(from, to));
    }

    [Fact]
    public void A_new_machine_calls_for_a_query()
    {
        Assert.True(Machine.Create("new001", "new001", MachineFixture.Start).PowerQueryDue);
        Assert.Equal(["NEW"], ReferenceData.Root.GetProperty("power_query_after_transition").GetProperty("null").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_saved_transition_is_queried_20_seconds_later_and_others_are_not()
    {
        var inner = new InMemoryMachineStore();
        var requeries = new PowerRequeries(_time);
        var store = new RequeryingMachineStore(inner, requeries);
        Machine commissioned = MachineFixture.InStatus(MachineStatus.Commissioning, systemId: "comm01");
        Machine allocated = MachineFixture.InStatus(MachineStatus.Ready, systemId: "ready1");
        Machine manual = MachineFixture.InStatus(MachineStatus.Commissioning, systemId: "manual");
        manual.PowerType = "manual";
        foreach (Machine m in (Machine[])[commissioned, allocated, manual])
        {
            m.TakePowerQueryDue();
            await inner.AddAsync(m, Ct);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var failures = new List<string>();
        Task loop = requeries.RunAsync(new MachinePower(store, _client, _time), store, 4, (id, e) => failures.Add($"{id}: {e.Message}"), stop.Token);

        commissioned.TransitionTo(MachineStatus.Ready, _time.GetUtcNow().UtcDateTime);
        allocated.TransitionTo(MachineStatus.Allocated, _time.GetUtcNow().UtcDateTime);
        manual.TransitionTo(MachineStatus.Ready, _time.GetUtcNow().UtcDateTime);
        await store.SaveAllAsync([commissioned, allocated, manual], Ct);
        Assert.False(commissioned.PowerQueryDue);

        _time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(200, Ct);
        Assert.Empty(_client.Commands);

        _time.Advance(TimeSpan.FromSeconds(1));
        for (int i = 0; i < 100 && _client.Commands.Count == 0; i++)
        {
            await Task.Delay(50, Ct);
        }

        PowerCommand query = Assert.Single(_client.Commands);
        Assert.Equal("comm01", query.SystemId);
        Assert.Equal(Core.Machines.Actions.PowerRequest.None, query.Request);
        for (int i = 0; i < 100 && (await inner.FindAsync("comm01", Ct))!.PowerState != PowerState.Off; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(PowerState.Off, (await inner.FindAsync("comm01", Ct))!.PowerState);
        Assert.Empty(failures);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }
}
