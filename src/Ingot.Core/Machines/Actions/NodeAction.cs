using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

/// <summary>
/// One UI/websocket node action of <c>src/maasserver/node_action.py</c>, as data.
/// <see cref="To"/> is the status right after the action (null = unchanged, or varies when
/// <see cref="ToVaries"/>); <see cref="Final"/> the status after success (null = none, or
/// previous_status when <see cref="FinalIsPreviousStatus"/>). <see cref="Permission"/> is the
/// effective permission for a MACHINE (<c>machine_permission</c> overriding <c>permission</c>).
/// </summary>
public sealed record NodeAction(
    string Name,
    string Display,
    IReadOnlyList<MachineStatus> From,
    MachineStatus? To,
    MachineStatus? Final,
    NodePermission Permission,
    NodePermission BasePermission,
    bool AllowedWhenLocked,
    bool RequiresNetworking,
    NodeActionType ActionType,
    IReadOnlyList<NodeType> NodeTypes,
    bool ToVaries = false,
    bool FinalIsPreviousStatus = false)
{
    /// <summary>
    /// <c>NodeAction.is_actionable</c> for a machine: (a) the node type is listed; (b) a locked
    /// machine only if <see cref="AllowedWhenLocked"/>; (c) the status is a source status; (d) the
    /// actor holds <see cref="Permission"/> (mark-broken also needs the actor to own the machine);
    /// (e) <see cref="RequiresNetworking"/> needs an interface, except that commission accepts an
    /// ipmi power type without one. Action-specific: power off is hidden when power is off, and
    /// unlock is shown only on a locked machine.
    /// </summary>
    public bool IsActionable(Actor? actor, Machine machine)
    {
        if (!NodeTypes.Contains(NodeType.Machine)
            || (machine.Locked && !AllowedWhenLocked)
            || !From.Contains(machine.Status)
            || !MachinePermissions.Has(actor, machine, Permission))
        {
            return false;
        }

        // MarkBroken.is_permitted: only the owner, even for admins.
        if (Name == NodeActions.MarkBroken && actor is { IsSystem: false } && machine.Owner != actor.Username)
        {
            return false;
        }

        if (RequiresNetworking && machine.Interfaces.Count == 0
            && !(Name == NodeActions.Commission && machine.PowerType == "ipmi"))
        {
            return false;
        }

        return Name switch
        {
            NodeActions.PowerOff => machine.PowerState != Power.PowerState.Off,
            NodeActions.Unlock => machine.Locked,
            _ => true,
        };
    }
}
