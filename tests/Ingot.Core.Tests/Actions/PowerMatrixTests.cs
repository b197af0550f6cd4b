using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Actions;

/// <summary>
/// The life-cycle matrix with power: every (status × REST op × power state) pair asks the power layer
/// for exactly what MAAS's model methods do (maas-lifecycle.md §4–§5, maas-transitions.json "actions"
/// rules): commission, test, deploy and accept power on, or cycle when the machine is on; rescue mode
/// cycles; power_on powers on (never a cycle, except as a deployment of an ALLOCATED machine); release
/// and mark_broken of a releasable machine power off unless it is already off; abort and power_off power
/// off; a refused op and every other op ask for nothing.
/// </summary>
public class PowerMatrixTests
{
    private static readonly PowerState[] s_powerStates = [PowerState.On, PowerState.Off, PowerState.Unknown];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (MachineStatus status in MachineStatuses.All)
        {
            foreach (string op in RestOpMatrixTests.Ops.Where(o => o != "delete"))
            {
                foreach (PowerState power in s_powerStates)
                {
                    data.Add(status.ConstantName(), op, power.ToString());
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Op_in_status_asks_for_the_power_MAAS_uses(string statusName, string op, string powerName)
    {
        MachineStatus status = ReferenceData.Status(statusName);
        PowerState power = Enum.Parse<PowerState>(powerName);
        Actor actor = Actor.User(MachineFixture.Root, isAdmin: true);
        Machine machine = MachineFixture.InStatus(status, owner: actor.Username, locked: op == "unlock");
        machine.PowerState = power;
        var store = await MachineFixture.StoreWith(machine);
        var ops = new MachineOperations(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

        Outcome outcome = RestOpMatrixTests.Expect(status, op, machine);
        if (op == "release" && power == PowerState.Off && outcome.Status == MachineStatus.Releasing && status != MachineStatus.Releasing)
        {
            // _release finalises at once when the power is already off (commissioning passed: READY).
            outcome = Outcome.Becomes(MachineStatus.Ready);
        }

        await outcome.AssertAsync(store, machine.SystemId, status, RestOpMatrixTests.Run(ops, op, machine.SystemId, actor));

        Machine after = (await store.FindAsync(machine.SystemId, CancellationToken.None))!;
        Assert.Equal(Expected(status, op, power, outcome), after.RequestedPower);
    }

    public static TheoryData<string, string, string> ActionCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (MachineStatus status in MachineStatuses.All)
        {
            foreach (NodeAction action in NodeActions.All.Where(a => a.Name is not (NodeActions.Delete or NodeActions.Clone)))
            {
                foreach (PowerState power in s_powerStates)
                {
                    data.Add(status.ConstantName(), action.Name, power.ToString());
                }
            }
        }

        return data;
    }

    /// <summary>The same through the UI's node actions (maas-transitions.json "actions"); which ones are refused is UiActionMatrixTests'.</summary>
    [Theory]
    [MemberData(nameof(ActionCases))]
    public async Task Action_in_status_asks_for_the_power_MAAS_uses(string statusName, string actionName, string powerName)
    {
        MachineStatus status = ReferenceData.Status(statusName);
        PowerState power = Enum.Parse<PowerState>(powerName);
        Actor actor = Actor.User(MachineFixture.Root, isAdmin: true);
        Machine machine = MachineFixture.InStatus(status, owner: actor.Username, locked: actionName == NodeActions.Unlock);
        machine.PowerState = power;
        var store = await MachineFixture.StoreWith(machine);
        var actions = new MachineActions(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

        bool refused = false;
        try
        {
            await actions.ExecuteAsync(machine.SystemId, actionName, actor, ActionParameters.None, CancellationToken.None);
        }
        catch (MachineOperationException)
        {
            refused = true;
        }

        Machine after = (await store.FindAsync(machine.SystemId, CancellationToken.None))!;
        PowerRequest onOrCycle = power == PowerState.On ? PowerRequest.Cycle : PowerRequest.On;
        PowerRequest offUnlessOff = power == PowerState.Off ? PowerRequest.None : PowerRequest.Off;
        PowerRequest expected = refused ? PowerRequest.None : actionName switch
        {
            NodeActions.Commission or NodeActions.Test or NodeActions.Deploy => onOrCycle,
            NodeActions.RescueMode => PowerRequest.Cycle,
            NodeActions.PowerOn => PowerRequest.On,
            NodeActions.PowerOff or NodeActions.Abort => PowerRequest.Off,
            NodeActions.Release => status == MachineStatus.Releasing ? PowerRequest.None : offUnlessOff,
            NodeActions.MarkBroken => MachineStatuses.Releasable.Contains(status) ? offUnlessOff : PowerRequest.None,
            NodeActions.ExitRescueMode => PowerRequest.Off,
            _ => PowerRequest.None,
        };
        Assert.Equal(expected, after.RequestedPower);
        if (!refused)
        {
            Assert.Contains(status, ReferenceData.ActionFrom(actionName));
        }
    }

    [Theory]
    [InlineData("READY", "Off")]
    [InlineData("BROKEN", "Off")]
    [InlineData("DEPLOYED", "Cycle")]
    [InlineData("ALLOCATED", "None")]
    public async Task Exit_rescue_mode_powers_by_previous_status(string previousName, string requestName)
    {
        MachineStatus previous = ReferenceData.Status(previousName);
        Machine machine = MachineFixture.InStatus(previous);
        machine.ForceStatus(MachineStatus.RescueMode, UnvalidatedReason.AddedDeployed, MachineFixture.Start);
        machine.PowerState = PowerState.On;
        var store = await MachineFixture.StoreWith(machine);
        var ops = new MachineOperations(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

        Machine after = await ops.ExitRescueModeAsync(machine.SystemId, Actor.User(MachineFixture.Root, isAdmin: true), CancellationToken.None);

        Assert.Equal(previous, after.PreviousStatus);
        Assert.Equal(MachineStatus.ExitingRescueMode, after.Status);
        Assert.Equal(Enum.Parse<PowerRequest>(requestName), after.RequestedPower);
    }

    /// <summary>The power request MAAS's model method makes for <paramref name="op"/>, written from the reference, not from Core.</summary>
    private static PowerRequest Expected(MachineStatus status, string op, PowerState power, Outcome outcome)
    {
        if (outcome.Message is not null)
        {
            return PowerRequest.None;
        }

        // allow_power_cycle=True: on, or cycle when the BMC says on.
        PowerRequest onOrCycle = power == PowerState.On ? PowerRequest.Cycle : PowerRequest.On;
        PowerRequest offUnlessOff = power == PowerState.Off ? PowerRequest.None : PowerRequest.Off;
        return op switch
        {
            "commission" or "test" or "deploy" => onOrCycle,
            "accept" => status == MachineStatus.New ? onOrCycle : PowerRequest.None,
            "rescue_mode" => PowerRequest.Cycle,
            "power_on" => status == MachineStatus.Allocated ? onOrCycle : PowerRequest.On,
            "power_off" or "abort" => PowerRequest.Off,
            "release" => outcome.Status == status ? PowerRequest.None : offUnlessOff,
            "mark_broken" => MachineStatuses.Releasable.Contains(status) ? offUnlessOff : PowerRequest.None,

            // previous_status READY (the fixture's): _stop.
            "exit_rescue_mode" => PowerRequest.Off,
            _ => PowerRequest.None,
        };
    }
}
