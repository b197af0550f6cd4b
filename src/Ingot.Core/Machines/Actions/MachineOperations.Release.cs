using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>
    /// <c>op=release</c>: edit. RELEASING or READY is a no-op (nothing saved); a status in
    /// RELEASABLE_STATUSES starts releasing (this includes BROKEN and RESERVED, which the UI
    /// action does not list); anything else is 409 "Machine cannot be released in its current
    /// state ('&lt;label&gt;').".
    /// </summary>
    public async Task<Machine> ReleaseAsync(string systemId, Actor actor, ReleaseOptions? options, CancellationToken ct)
    {
        Machine machine = await LoadAsync(systemId, actor, NodePermission.Edit, ct);
        if (machine.Status is MachineStatus.Releasing or MachineStatus.Ready)
        {
            return machine;
        }

        if (!MachineStatuses.Releasable.Contains(machine.Status))
        {
            throw MachineOperationException.StateViolation(
                $"Machine cannot be released in its current state ('{machine.Status.Label()}').");
        }

        await Lifecycle.ReleaseAsync(machine, actor, options, null, ct);
        return machine;
    }

    /// <summary>
    /// <c>POST /machines/ op=release</c>: all or nothing. Unknown ids: 400 "Unknown machine(s):
    /// ...". Ids the actor may not edit: 403. Any machine in a status that cannot be released:
    /// 409 naming every such machine; otherwise READY ones are left alone and the rest start
    /// releasing, saved in one transaction. Returns the system ids that were released.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReleaseManyAsync(
        IReadOnlyCollection<string> systemIds, Actor actor, ReleaseOptions? options, CancellationToken ct)
    {
        List<Machine> machines = await LoadManyAsync(systemIds, actor, NodePermission.Edit, "release", ct);

        // MAAS's bulk op treats only READY as a no-op (RELEASING is reported as a failure).
        string[] failed = [.. machines
            .Where(m => m.Status != MachineStatus.Ready && !MachineStatuses.Releasable.Contains(m.Status))
            .Select(m => $"{m.SystemId} ('{m.Status.Label()}')")];
        if (failed.Length > 0)
        {
            throw MachineOperationException.StateViolation(
                $"Machine(s) cannot be released in their current state: {string.Join(", ", failed)}.");
        }

        DateTime now = Now;
        List<Machine> released = [.. machines.Where(m => m.Status != MachineStatus.Ready)];
        foreach (Machine m in released)
        {
            m.StartReleasing(actor, now, settings, options);
            await Lifecycle.ReleaseAutoAddressesAsync(m, ct);
        }

        await store.SaveAllAsync(released, ct);
        return [.. released.Select(m => m.SystemId)];
    }
}
