using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_machine_that_expired_while_Ingot_was_stopped_is_failed_after_the_restart()
    {
        Machine machine = Machine.Create(TestMachines.NewSystemId(), "restarted", Now);
        machine.TransitionTo(MachineStatus.Commissioning, Now, "admin");
        machine.SetStatusExpires(Now.AddMinutes(LifecycleSettings.Default.NodeTimeout));
        await using (DataServices beforeStop = Database.Open())
        {
            await beforeStop.Machines.AddAsync(machine, Ct);
        }

        Time.Advance(TimeSpan.FromMinutes(31));
        await using DataServices afterRestart = Database.Open();
        var monitor = new StatusMonitor(afterRestart.Machines, LifecycleSettings.Default, Time);
        IReadOnlyList<string> failed = await monitor.RunOnceAsync(Ct);

        Assert.Contains(machine.SystemId, failed);
        Machine stored = (await afterRestart.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal(MachineStatus.FailedCommissioning, stored.Status);
        Assert.Equal("Node operation 'Commissioning' timed out after 30 minutes.", stored.ErrorDescription);
        Assert.Null(stored.StatusExpires);
        Assert.Contains(
            await afterRestart.Machines.EventsAsync(machine.SystemId, Ct),
            e => e.Type == EventTypes.RequestNodeMarkFailedSystem.Name && e.Description == stored.ErrorDescription);
        Assert.DoesNotContain(machine.SystemId, await monitor.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task A_machine_whose_expiry_has_not_passed_is_left_alone_after_a_restart()
    {
        Machine machine = Machine.Create(TestMachines.NewSystemId(), "still-running", Now);
        machine.TransitionTo(MachineStatus.Commissioning, Now);
        machine.SetStatusExpires(Now.AddMinutes(LifecycleSettings.Default.NodeTimeout));
        await using (DataServices beforeStop = Database.Open())
        {
            await beforeStop.Machines.AddAsync(machine, Ct);
        }

        Time.Advance(TimeSpan.FromMinutes(29));
        await using DataServices afterRestart = Database.Open();
        IReadOnlyList<string> failed = await new StatusMonitor(afterRestart.Machines, LifecycleSettings.Default, Time).RunOnceAsync(Ct);

        Assert.DoesNotContain(machine.SystemId, failed);
        Assert.Equal(MachineStatus.Commissioning, (await afterRestart.Machines.FindAsync(machine.SystemId, Ct))!.Status);
    }
}
