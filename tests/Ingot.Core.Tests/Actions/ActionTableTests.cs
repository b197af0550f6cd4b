using System.Text.Json;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;

namespace Ingot.Core.Tests.Actions;

/// <summary>The C# tables equal <c>maas-transitions.json</c> exactly: drift fails here.</summary>
public class ActionTableTests
{
    [Fact]
    public void Transition_table_equals_the_reference()
    {
        JsonElement json = ReferenceData.Root.GetProperty("transitions");
        Assert.Equal(
            json.EnumerateObject().Select(p => ReferenceData.Status(p.Name)).Order(),
            NodeTransitions.Table.Keys.Order());
        foreach (JsonProperty row in json.EnumerateObject())
        {
            Assert.Equal(
                ReferenceData.Statuses(row.Value).Order(),
                NodeTransitions.Table[ReferenceData.Status(row.Name)].Order());
        }

        Assert.Equal(ReferenceData.Statuses(ReferenceData.Root.GetProperty("initial_statuses")).Order(), NodeTransitions.Initial.Order());
    }

    [Fact]
    public void Action_table_lists_the_reference_actions_in_order()
    {
        Assert.Equal(ReferenceData.Actions.EnumerateObject().Select(p => p.Name), NodeActions.All.Select(a => a.Name));
    }

    [Fact]
    public void Every_action_row_equals_the_reference_row()
    {
        foreach (JsonProperty entry in ReferenceData.Actions.EnumerateObject())
        {
            JsonElement json = entry.Value;
            NodeAction action = NodeActions.ByName[entry.Name];
            Assert.Equal(json.GetProperty("display").GetString(), action.Display);
            Assert.Equal(ReferenceData.Statuses(json.GetProperty("from")), action.From);
            Assert.Equal(json.GetProperty("permission").GetString(), action.Permission.ToString().ToLowerInvariant());
            Assert.Equal(json.GetProperty("base_permission").GetString(), action.BasePermission.ToString().ToLowerInvariant());
            Assert.Equal(json.GetProperty("allowed_when_locked").GetBoolean(), action.AllowedWhenLocked);
            Assert.Equal(json.GetProperty("requires_networking").GetBoolean(), action.RequiresNetworking);
            Assert.Equal(json.GetProperty("action_type").GetString(), action.ActionType.ToString().ToLowerInvariant());
            Assert.Equal(
                json.GetProperty("node_types").EnumerateArray().Select(t => t.GetString()),
                action.NodeTypes.Select(ConstantName));

            string? to = json.GetProperty("to").GetString();
            Assert.Equal(to == "VARIES", action.ToVaries);
            Assert.Equal(to is null or "VARIES" ? null : ReferenceData.Status(to), action.To);

            string? final = json.GetProperty("final").GetString();
            Assert.Equal(final == "previous_status", action.FinalIsPreviousStatus);
            Assert.Equal(final is null or "previous_status" ? null : ReferenceData.Status(final), action.Final);
        }
    }

    [Fact]
    public void Only_rescue_mode_lists_a_source_that_cannot_reach_its_target()
    {
        var unreachable = NodeActions.All
            .Where(a => a.To is not null && a.Name != NodeActions.Deploy)
            .SelectMany(a => a.From.Where(s => !NodeTransitions.IsAllowed(s, a.To!.Value)).Select(s => (a.Name, s)))
            .ToList();

        Assert.Equal([(NodeActions.RescueMode, MachineStatus.FailedExitingRescueMode)], unreachable);
    }

    private static string ConstantName(NodeType type) =>
        string.Concat(type.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
