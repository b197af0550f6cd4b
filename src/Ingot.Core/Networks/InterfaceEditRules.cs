using Ingot.Core.Machines;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

/// <summary>
/// Who may make which interface edit on a machine now, as MAAS's interface handlers decide it; each rule returns
/// null when the edit is allowed, else the refusal the API raises (its category and MAAS's text). The REST API
/// throws the refusal; the web UI shows or disables a button from the same answer, with its text as the reason.
/// <list type="bullet">
/// <item>create, update, delete, disconnect, tags: an administrator (403 otherwise), on a READY, ALLOCATED or BROKEN
/// machine (an update also on a DEPLOYED one), 409 in any other status;</item>
/// <item><c>link_subnet</c>, <c>unlink_subnet</c>, <c>set_default_gateway</c>: whoever may edit the machine (its owner or
/// an administrator, not locked) on a NEW, READY, ALLOCATED or BROKEN machine.</item>
/// </list>
/// The machine is assumed visible to the actor (a machine one cannot view is a 404 before any rule).
/// </summary>
public static class InterfaceEditRules
{
    private static readonly MachineStatus[] s_editable = [MachineStatus.Ready, MachineStatus.Allocated, MachineStatus.Broken];
    private static readonly MachineStatus[] s_linkable = [MachineStatus.New, MachineStatus.Ready, MachineStatus.Allocated, MachineStatus.Broken];

    /// <summary>MAAS's <c>raise_error_for_invalid_state_on_allocated_operations</c> text for an interface edit.</summary>
    public static string NotEditable(string operation) => $"Cannot {operation} interface because the machine is not Ready, Allocated, or Broken.";

    /// <summary>
    /// An administrator's edit named <paramref name="operation"/> ("create bond", "update interface"); a null
    /// operation checks the permission only (tags); <paramref name="deployedToo"/> also allows a DEPLOYED machine.
    /// </summary>
    public static MachineOperationException? Edit(Actor actor, Machine machine, string? operation, bool deployedToo = false)
    {
        if (!MachinePermissions.Has(actor, machine, NodePermission.Admin))
        {
            return MachineOperationException.PermissionDenied();
        }

        bool allowed = s_editable.Contains(machine.Status) || (deployedToo && machine.Status == MachineStatus.Deployed);
        return operation is null || allowed ? null : MachineOperationException.StateViolation(NotEditable(operation));
    }

    /// <summary>A link edit named <paramref name="verb"/> ("link", "unlink"): the owner or an administrator, NEW to BROKEN.</summary>
    public static MachineOperationException? Link(Actor actor, Machine machine, string verb)
    {
        if (!MachinePermissions.Has(actor, machine, NodePermission.Edit))
        {
            return MachineOperationException.PermissionDenied();
        }

        return s_linkable.Contains(machine.Status)
            ? null
            : MachineOperationException.StateViolation($"Cannot {verb} interface because the machine is not New, Ready, Allocated, or Broken.");
    }
}
