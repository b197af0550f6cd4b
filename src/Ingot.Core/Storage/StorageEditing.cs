using Ingot.Core.Machines;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Users;

namespace Ingot.Core.Storage;

/// <summary>
/// The storage API's edits with MAAS's rules on who and when: a layout, partitions, volume groups and RAIDs
/// change only on a READY machine and by an administrator (409 otherwise, 403 for others); formatting and
/// mounting also on an ALLOCATED machine by its owner (MAAS's
/// <c>raise_error_for_invalid_state_on_allocated_operations</c>). Every edit is checked before anything
/// changes and saved with the machine's compare-and-set.
/// </summary>
public sealed class StorageEditing(IMachineStore machines, TimeProvider time)
{
    /// <summary>Loads the machine for reading (404 unless the caller may view it).</summary>
    public Task<Machine> ReadAsync(Actor actor, string systemId, CancellationToken ct) =>
        new MachineQueries(machines).GetAsync(systemId, actor, NodePermission.View, ct);

    /// <summary><c>set_storage_layout</c>: admin, READY only.</summary>
    public Task<Machine> SetLayoutAsync(Actor actor, string systemId, StorageLayoutRequest request, CancellationToken ct) =>
        EditAsync(actor, systemId, NodePermission.Admin, m =>
        {
            if (m.Status != MachineStatus.Ready)
            {
                throw MachineOperationException.StateViolation("Cannot change the storage layout on a machine that is not Ready.");
            }

            StorageLayout.Apply(m, request);
        }, ct);

    /// <summary>A structural edit (partitions, groups, boot disk): admin, READY only.</summary>
    public Task<Machine> EditStructureAsync(Actor actor, string systemId, string operation, Action<Machine> edit, CancellationToken ct) =>
        EditAsync(actor, systemId, NodePermission.Admin, m =>
        {
            if (m.Status != MachineStatus.Ready)
            {
                throw MachineOperationException.StateViolation($"Cannot {operation} because the machine is not Ready.");
            }

            edit(m);
        }, ct);

    /// <summary>Format, mount, unformat, unmount: READY (admin) or ALLOCATED (owner or admin).</summary>
    public Task<Machine> EditFilesystemAsync(Actor actor, string systemId, string operation, Action<Machine> edit, CancellationToken ct) =>
        EditAsync(actor, systemId, NodePermission.View, m =>
        {
            if (m.Status is not (MachineStatus.Ready or MachineStatus.Allocated))
            {
                throw MachineOperationException.StateViolation($"Cannot {operation} because the machine is not Ready or Allocated.");
            }

            if (m.Status == MachineStatus.Ready && !actor.IsAdmin)
            {
                throw MachineOperationException.PermissionDenied($"Cannot {operation} because you don't have the permissions on a Ready machine.");
            }

            MachinePermissions.Demand(actor, m, NodePermission.Edit);
            edit(m);
        }, ct);

    private async Task<Machine> EditAsync(Actor actor, string systemId, NodePermission permission, Action<Machine> edit, CancellationToken ct)
    {
        Machine machine = await new MachineQueries(machines).GetAsync(systemId, actor, permission, ct);
        edit(machine);
        machine.Updated = time.GetUtcNow().UtcDateTime;
        await machines.SaveAsync(machine, ct);
        return machine;
    }
}
