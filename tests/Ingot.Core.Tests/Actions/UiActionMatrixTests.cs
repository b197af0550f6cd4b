using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Actions;

/// <summary>
/// Every (status × UI action) pair: actionable-ness and the resulting status or exact refusal,
/// driven by <c>maas-transitions.json</c>. The actor is an admin who owns the machine (NEW and
/// READY machines have no owner), so the permission column never refuses; unlock is tried on a
/// locked machine, the only kind it is offered for.
/// </summary>
public class UiActionMatrixTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (MachineStatus status in MachineStatuses.All)
        {
            foreach (NodeAction action in NodeActions.All)
            {
                data.Add(status.ConstantName(), action.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Action_in_status_is_actionable_and_ends_as_the_table_says(string statusName, string actionName)
    {
        MachineStatus status = ReferenceData.Status(statusName);
        Actor actor = Actor.User(MachineFixture.Root, isAdmin: true);
        Machine machine = MachineFixture.InStatus(status, owner: actor.Username, locked: actionName == NodeActions.Unlock);
        var store = await MachineFixture.StoreWith(machine);
        var actions = new MachineActions(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

        bool expected = ReferenceData.ActionFrom(actionName).Contains(status)
            && (actionName != NodeActions.MarkBroken || machine.Owner == actor.Username);
        Assert.Equal(expected, NodeActions.ByName[actionName].IsActionable(actor, machine));

        if (actionName == NodeActions.Clone && expected)
        {
            return; // Carried out by the cloning feature; only actionable-ness is this table's.
        }

        Outcome outcome = Expect(status, actionName, expected);
        await outcome.AssertAsync(store, machine.SystemId, status, () =>
            actions.ExecuteAsync(machine.SystemId, actionName, actor, ActionParameters.None, CancellationToken.None));
    }

    private static Outcome Expect(MachineStatus status, string actionName, bool actionable)
    {
        if (!actionable)
        {
            return Outcome.Refused(ErrorCategory.BadRequest, $"{actionName} action is not available for this node.");
        }

        System.Text.Json.JsonElement row = ReferenceData.Actions.GetProperty(actionName);
        string? to = row.GetProperty("to").GetString();
        if (actionName == NodeActions.Delete)
        {
            return Outcome.Gone;
        }

        if (to is null)
        {
            return Outcome.Becomes(status);
        }

        if (to == "VARIES")
        {
            // Abort: to_by_from; TESTING goes back to previous_status, which the fixture makes READY.
            string target = row.GetProperty("to_by_from").GetProperty(status.ConstantName()).GetString()!;
            return Outcome.Becomes(target.StartsWith("previous_status", StringComparison.Ordinal) ? MachineStatus.Ready : ReferenceData.Status(target));
        }

        MachineStatus target2 = ReferenceData.Status(to);
        // Deploy reaches DEPLOYING from READY through ALLOCATED (acquire first).
        if (actionName != NodeActions.Deploy && !ReferenceData.Allowed(status, target2))
        {
            return Outcome.Refused(ErrorCategory.Conflict, $"Invalid transition: {status.Label()} -> {target2.Label()}.");
        }

        return Outcome.Becomes(target2);
    }
}
