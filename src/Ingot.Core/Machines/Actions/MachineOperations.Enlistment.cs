using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    private const string AcceptLoginMessage = "You must be logged in to accept machines.";

    /// <summary>
    /// <c>POST /machines/ op=accept</c>: anonymous is 401; unknown ids 400; ids the actor cannot
    /// administer 403; then <c>accept_enlistment</c> on each (NEW starts commissioning, READY and
    /// COMMISSIONING are no-ops, anything else 409), all saved in one transaction. Returns the
    /// machines whose status changed.
    /// </summary>
    public async Task<IReadOnlyList<Machine>> AcceptAsync(IReadOnlyCollection<string> systemIds, Actor? actor, CancellationToken ct)
    {
        if (actor is null)
        {
            throw new MachineOperationException(ErrorCategory.Unauthorized, "Unauthorized", AcceptLoginMessage);
        }

        List<Machine> machines = await LoadManyAsync(systemIds, actor, NodePermission.Admin, "accept", ct);

        return await AcceptEachAsync(machines, actor, ct);
    }

    /// <summary>
    /// <c>POST /machines/ op=accept_all</c>: every NEW machine the actor may administer; for a
    /// non-admin that is none, which is not an error.
    /// </summary>
    public async Task<IReadOnlyList<Machine>> AcceptAllAsync(Actor? actor, CancellationToken ct)
    {
        if (actor is null)
        {
            throw new MachineOperationException(ErrorCategory.Unauthorized, "Unauthorized", AcceptLoginMessage);
        }

        IReadOnlyList<Machine> all = await store.ListAsync(ct);
        return await AcceptEachAsync(
            [.. all.Where(m => m.Status == MachineStatus.New && MachinePermissions.Has(actor, m, NodePermission.Admin))], actor, ct);
    }

    private async Task<IReadOnlyList<Machine>> AcceptEachAsync(IReadOnlyList<Machine> machines, Actor actor, CancellationToken ct)
    {
        // Refuse before changing anything, with the first machine MAAS would have refused.
        if (machines.FirstOrDefault(m => m.Status is not (MachineStatus.New or MachineStatus.Ready or MachineStatus.Commissioning)) is { } refused)
        {
            throw MachineOperationException.StateViolation(
                $"Cannot accept node enlistment: node {refused.SystemId} is in state {refused.Status.Label()}.");
        }

        DateTime now = Now;
        List<Machine> accepted = [.. machines.Where(m => m.AcceptEnlistment(actor, now, settings))];
        await store.SaveAllAsync(accepted, ct);
        return accepted;
    }
}
