using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    /// <summary>The hardware-sync columns (migration HardwareSync): set by a deployment, kept by both reads, cleared by release.</summary>
    [Fact]
    public async Task The_hardware_sync_fields_round_trip_and_release_clears_them()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        machine.ForceStatus(MachineStatus.Allocated, UnvalidatedReason.AddedDeployed, Now, "alice");
        machine.SetOwner("alice");
        var alice = Actor.User("alice", isAdmin: true);
        machine.StartDeployment(alice, Now, new LifecycleSettings { HardwareSyncInterval = 5400 }, new DeployOptions(EnableHwSync: true));
        machine.EndDeployment(Now.AddMinutes(3));
        await data.Machines.AddAsync(machine, Ct);

        Machine found = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal((true, (int?)5400, (DateTime?)Now.AddMinutes(3)), (found.EnableHwSync, found.SyncInterval, found.LastSync));
        Assert.Equal(DateTimeKind.Utc, found.LastSync!.Value.Kind);
        MachineAssert.Equivalent(machine, found);
        MachineAssert.Equivalent(machine, Assert.Single(await data.Machines.ListAsync(Ct), m => m.SystemId == machine.SystemId));

        found.Release(alice, Now.AddMinutes(10), LifecycleSettings.Default);
        await data.Machines.SaveAsync(found, Ct);
        Machine released = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal((false, (int?)null, (DateTime?)null), (released.EnableHwSync, released.SyncInterval, released.LastSync));
    }
}
