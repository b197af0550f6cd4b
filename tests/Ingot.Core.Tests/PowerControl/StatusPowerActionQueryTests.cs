using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// One rule for a power query in a status that a power report settles (RELEASING, EXITING_RESCUE_MODE): while
/// the status's own power action (the one that ends in the settling state: the release's power-off, exit
/// rescue's power-off or cycle) is requested or claimed, a query only stores the state; the action's result
/// settles the status. With no such action pending, the query's report settles it (MAAS's <c>update_power_state</c>).
/// </summary>
public sealed class StatusPowerActionQueryTests
{
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private static readonly DateTime s_now = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly HashSet<string> s_regions = ["region-a"];

    /// <summary>How the machine got into its status: a release of a DEPLOYED machine, or an exit from rescue mode entered from READY or DEPLOYED.</summary>
    public enum Entry
    {
        Release,
        ExitRescueToReady,
        ExitRescueToDeployed,
    }

    public static TheoryData<Entry, bool, PowerState> OwnActionPending() => new()
    {
        { Entry.Release, false, PowerState.Off },
        { Entry.Release, false, PowerState.On },
        { Entry.Release, true, PowerState.Off },
        { Entry.ExitRescueToReady, false, PowerState.Off },
        { Entry.ExitRescueToReady, true, PowerState.Off },
        { Entry.ExitRescueToReady, false, PowerState.On },
        { Entry.ExitRescueToDeployed, false, PowerState.On },
        { Entry.ExitRescueToDeployed, true, PowerState.On },
        { Entry.ExitRescueToDeployed, false, PowerState.Off },
    };

    [Theory]
    [MemberData(nameof(OwnActionPending))]
    public void While_the_statuss_own_power_action_is_pending_a_query_only_stores_the_state(Entry entry, bool claimed, PowerState queried)
    {
        Machine machine = Entered(entry);
        MachineStatus status = machine.Status;
        if (claimed)
        {
            Assert.False(machine.TakeRequestedPower(s_now, "region-a", s_regions).TakenOver);
        }

        int events = machine.PendingEvents.Count;

        machine.RecordQueriedPowerState(new PowerOutcome(queried), s_now.AddSeconds(5));

        Assert.Equal((status, queried), (machine.Status, machine.PowerState));
        Assert.Equal(events, machine.PendingEvents.Count);
        Assert.Equal(s_now.AddSeconds(5), machine.PowerStateQueried);
    }

    [Fact]
    public void The_status_is_settled_by_its_own_actions_result_after_such_a_query()
    {
        Machine machine = Entered(Entry.Release);
        machine.TakeRequestedPower(s_now, "region-a", s_regions);
        machine.RecordQueriedPowerState(new PowerOutcome(PowerState.Off), s_now);
        Assert.Equal(MachineStatus.Releasing, machine.Status);

        machine.RecordPowerResult(PowerRequest.Off, new PowerOutcome(PowerState.Off), s_now);

        Assert.Equal(MachineStatus.Ready, machine.Status);
        Assert.Equal(["NODE_POWERED_OFF", "NODE_CHANGED_STATUS", "RELEASED"], machine.PendingEvents.Select(e => e.Type).TakeLast(3));
    }

    [Fact]
    public void A_users_power_on_that_replaced_exit_rescues_power_off_leaves_the_exit_to_the_query()
    {
        // The user's power_on is not the status's own action: the machine reported off is where the exit to
        // READY wants it, so the query settles the exit and the power-on then powers a READY machine on.
        Machine machine = Entered(Entry.ExitRescueToReady);
        machine.Start(s_admin, s_now, LifecycleSettings.Default);
        Assert.Equal(PowerRequest.On, machine.RequestedPower);

        machine.RecordQueriedPowerState(new PowerOutcome(PowerState.Off), s_now);

        Assert.Equal((MachineStatus.Ready, PowerState.Off), (machine.Status, machine.PowerState));
        Assert.Equal(PowerRequest.On, machine.RequestedPower);
    }

    [Fact]
    public void With_no_power_action_pending_a_query_settles_the_status()
    {
        Machine machine = Entered(Entry.ExitRescueToDeployed);
        machine.TakeRequestedPower(s_now, "region-a", s_regions);
        machine.RecordPowerResult(PowerRequest.Cycle, PowerOutcome.Failed("BMC unreachable"), s_now);

        machine.RecordQueriedPowerState(new PowerOutcome(PowerState.On), s_now);

        Assert.Equal((MachineStatus.Deployed, PowerState.On), (machine.Status, machine.PowerState));
    }

    /// <summary>A machine with a queryable power type that has just entered the status by <paramref name="entry"/>, its power action requested.</summary>
    private static Machine Entered(Entry entry)
    {
        MachineStatus from = entry == Entry.ExitRescueToReady ? MachineStatus.Ready : MachineStatus.Deployed;
        Machine machine = Machine.Create("q1", "query-host", s_now);
        machine.PowerType = "ipmi";
        machine.PowerParameters = new() { ["power_address"] = "127.0.0.1:9001" };
        machine.ForceStatus(from, UnvalidatedReason.AddedDeployed, s_now, "admin");
        machine.SetOwner(from == MachineStatus.Deployed ? "admin" : null);
        machine.CommissioningResult = ScriptSetStatus.Passed;
        machine.PowerState = PowerState.On;
        if (entry == Entry.Release)
        {
            machine.StartReleasing(s_admin, s_now, LifecycleSettings.Default);
            Assert.Equal((MachineStatus.Releasing, PowerRequest.Off), (machine.Status, machine.RequestedPower));
            return machine;
        }

        machine.StartRescueMode(s_admin, s_now, LifecycleSettings.Default);
        machine.TakeRequestedPower(s_now, "region-a", s_regions);
        machine.RecordPowerResult(PowerRequest.Cycle, new PowerOutcome(PowerState.On), s_now);
        machine.TransitionTo(MachineStatus.RescueMode, s_now);
        machine.StopRescueMode(s_admin, s_now, LifecycleSettings.Default);
        Assert.Equal(MachineStatus.ExitingRescueMode, machine.Status);
        Assert.Equal(from == MachineStatus.Deployed ? PowerRequest.Cycle : PowerRequest.Off, machine.RequestedPower);
        return machine;
    }
}
