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

    /// <summary><c>set_storage_layout</c>: admin, READY only (<see cref="StorageEditRules.Layout"/>).</summary>
    public Task<Machine> SetLayoutAsync(Actor actor, string systemId, StorageLayoutRequest request, CancellationToken ct) =>
        EditAsync(actor, systemId, NodePermission.Admin, m => StorageEditRules.Layout(actor, m), m => StorageLayout.Apply(m, request), ct);

    /// <summary>A structural edit (partitions, groups, boot disk): admin, READY only (<see cref="StorageEditRules.Structure"/>).</summary>
    public Task<Machine> EditStructureAsync(Actor actor, string systemId, string operation, Action<Machine> edit, CancellationToken ct) =>
        EditAsync(actor, systemId, NodePermission.Admin, m => StorageEditRules.Structure(actor, m, operation), edit, ct);

    /// <summary>Format, mount, unformat, unmount: READY (admin) or ALLOCATED (owner or admin) (<see cref="StorageEditRules.Filesystem"/>).</summary>
    public Task<Machine> EditFilesystemAsync(Actor actor, string systemId, string operation, Action<Machine> edit, CancellationToken ct) =>
        EditAsync(actor, systemId, NodePermission.View, m => StorageEditRules.Filesystem(actor, m, operation), edit, ct);

    private async Task<Machine> EditAsync(
        Actor actor, string systemId, NodePermission permission, Func<Machine, MachineOperationException?> rule, Action<Machine> edit, CancellationToken ct)
    {
        Machine machine = await new MachineQueries(machines).GetAsync(systemId, actor, permission, ct);
        if (rule(machine) is { } refusal)
        {
            throw refusal;
        }

        edit(machine);
        machine.Updated = time.GetUtcNow().UtcDateTime;
        await machines.SaveAsync(machine, ct);
        return machine;
    }
}
