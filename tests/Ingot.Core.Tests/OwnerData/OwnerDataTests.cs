using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Tests.Actions;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.OwnerData;

/// <summary>MAAS's OwnerData: set by the owner while allocated, an empty value deletes, deleted on release.</summary>
public class OwnerDataTests
{
    private static readonly Actor s_alice = Actor.User(MachineFixture.Alice);
    private static readonly Actor s_bob = Actor.User(MachineFixture.Bob);
    private static readonly CancellationToken s_ct = CancellationToken.None;

    [Fact]
    public void Setting_owner_data_adds_and_replaces_keys_and_an_empty_value_deletes_one()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice);

        machine.SetOwnerData(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, MachineFixture.Start);
        machine.SetOwnerData(new Dictionary<string, string> { ["a"] = "", ["b"] = "3", ["c"] = "4" }, MachineFixture.Start);

        Assert.Equal(new Dictionary<string, string> { ["b"] = "3", ["c"] = "4" }, machine.OwnerData);
    }

    [Fact]
    public void A_machine_nobody_owns_refuses_owner_data_with_MAAS_conflict()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Ready);

        var error = Assert.Throws<MachineOperationException>(() =>
            machine.SetOwnerData(new Dictionary<string, string> { ["a"] = "1" }, MachineFixture.Start));

        Assert.Equal((ErrorCategory.Conflict, "Cannot set workload annotation: it hasn't been acquired."), (error.Category, error.Message));
        Assert.Empty(machine.OwnerData);
    }

    [Theory]
    [InlineData(PowerState.Off)]
    [InlineData(PowerState.On)]
    public void Releasing_deletes_the_owner_data_when_the_release_finishes(PowerState power)
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice);
        machine.PowerState = power;
        machine.SetOwnerData(new Dictionary<string, string> { ["juju-model-uuid"] = "m1" }, MachineFixture.Start);

        machine.Release(s_alice, MachineFixture.Start, LifecycleSettings.Default);
        if (power == PowerState.On)
        {
            Assert.Equal(MachineStatus.Releasing, machine.Status);
            Assert.NotEmpty(machine.OwnerData);
            machine.UpdatePowerState(PowerState.Off, MachineFixture.Start);
        }

        Assert.Equal(MachineStatus.Ready, machine.Status);
        Assert.Empty(machine.OwnerData);
    }

    [Fact]
    public async Task The_workload_annotations_op_needs_edit_permission_and_saves_the_data()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice);
        var store = await MachineFixture.StoreWith(machine);
        var ops = new MachineOperations(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

        await Assert.ThrowsAsync<MachineOperationException>(() =>
            ops.SetWorkloadAnnotationsAsync(machine.SystemId, s_bob, new Dictionary<string, string> { ["k"] = "v" }, s_ct));
        Machine saved = await ops.SetWorkloadAnnotationsAsync(machine.SystemId, s_alice, new Dictionary<string, string> { ["k"] = "v" }, s_ct);

        Assert.Equal("v", saved.OwnerData["k"]);
        Assert.Equal("v", (await store.FindAsync(machine.SystemId, s_ct))!.OwnerData["k"]);
    }
}
