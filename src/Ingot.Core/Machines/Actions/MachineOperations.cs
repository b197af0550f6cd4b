using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

/// <summary>
/// The REST API 2.0 machine ops (<c>src/maasserver/api/machines.py</c>, <c>api/nodes.py</c>):
/// each loads through <see cref="IMachineStore"/>, checks the op's permission (404 when the
/// machine cannot be viewed, 403 when the permission is missing, which includes every edit of a
/// locked machine), applies the model method and saves once. They differ from the UI actions
/// (<see cref="MachineActions"/>) where MAAS's do; each difference is named at the op.
/// </summary>
public sealed partial class MachineOperations(IMachineStore store, TimeProvider time, LifecycleSettings settings)
{
    /// <summary>
    /// What deploy, commission, test and release do around the transition (checks, AUTO addresses, script sets),
    /// shared with the UI actions; by default none of the optional pieces.
    /// </summary>
    public MachineLifecycle Lifecycle
    {
        get => field ??= new MachineLifecycle(store, time, settings);
        init;
    }

    /// <summary><c>DELETE /machines/{id}/</c>: admin.</summary>
    public async Task DeleteAsync(string systemId, Actor actor, CancellationToken ct)
    {
        Machine machine = await LoadAsync(systemId, actor, NodePermission.Admin, ct);
        await store.DeleteAsync(machine, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<Machine> LoadAsync(string systemId, Actor? actor, NodePermission permission, CancellationToken ct)
    {
        Machine machine = await store.FindAsync(systemId, ct) ?? throw MachineOperationException.NotFound();
        MachinePermissions.Demand(actor, machine, permission);
        return machine;
    }

    /// <summary>Load, demand, apply, save: the shape of most ops.</summary>
    private async Task<Machine> ApplyAsync(
        string systemId, Actor actor, NodePermission permission, Action<Machine, DateTime> apply, CancellationToken ct)
    {
        Machine machine = await LoadAsync(systemId, actor, permission, ct);
        apply(machine, Now);
        await store.SaveAsync(machine, ct);
        return machine;
    }
}
