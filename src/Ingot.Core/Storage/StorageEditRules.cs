using Ingot.Core.Machines;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Storage;

/// <summary>
/// Who may make which storage edit on a machine now, as MAAS's storage handlers decide it; each rule returns null
/// when the edit is allowed, else the refusal the API raises (its category and MAAS's text). The REST API throws the
/// refusal; the web UI shows or disables a button from the same answer, with the refusal's text as its reason.
/// <list type="bullet">
/// <item>a layout, partitions, volume groups, logical volumes, RAIDs, the boot disk and deletes: an administrator on
/// a READY machine (403 for others, 409 in any other status);</item>
/// <item>format, mount, unmount, unformat: READY by an administrator, or ALLOCATED by its owner or an administrator
/// (MAAS's <c>raise_error_for_invalid_state_on_allocated_operations</c>).</item>
/// </list>
/// The machine is assumed visible to the actor (a machine one cannot view is a 404 before any rule).
/// </summary>
public static class StorageEditRules
{
    /// <summary>The 409 text of <c>set_storage_layout</c> on a machine that is not READY.</summary>
    public const string LayoutNotReady = "Cannot change the storage layout on a machine that is not Ready.";

    /// <summary><c>set_storage_layout</c>: administrator, READY.</summary>
    public static MachineOperationException? Layout(Actor actor, Machine machine) =>
        Admin(actor, machine) ?? (machine.Status == MachineStatus.Ready ? null : MachineOperationException.StateViolation(LayoutNotReady));

    /// <summary>A structural edit named <paramref name="operation"/> ("create partition", "delete RAID"): administrator, READY.</summary>
    public static MachineOperationException? Structure(Actor actor, Machine machine, string operation) =>
        Admin(actor, machine) ?? (machine.Status == MachineStatus.Ready
            ? null
            : MachineOperationException.StateViolation($"Cannot {operation} because the machine is not Ready."));

    /// <summary>A filesystem edit named <paramref name="operation"/> ("format partition", "unmount block device").</summary>
    public static MachineOperationException? Filesystem(Actor actor, Machine machine, string operation)
    {
        if (machine.Status is not (MachineStatus.Ready or MachineStatus.Allocated))
        {
            return MachineOperationException.StateViolation($"Cannot {operation} because the machine is not Ready or Allocated.");
        }

        if (machine.Status == MachineStatus.Ready && !actor.IsAdmin)
        {
            return MachineOperationException.PermissionDenied($"Cannot {operation} because you don't have the permissions on a Ready machine.");
        }

        return MachinePermissions.Has(actor, machine, NodePermission.Edit) ? null : MachineOperationException.PermissionDenied();
    }

    private static MachineOperationException? Admin(Actor actor, Machine machine) =>
        MachinePermissions.Has(actor, machine, NodePermission.Admin) ? null : MachineOperationException.PermissionDenied();
}
