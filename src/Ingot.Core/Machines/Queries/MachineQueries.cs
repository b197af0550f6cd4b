using Ingot.Core.Hardware;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Queries;

/// <summary>
/// The read-only machine requests of the REST API (<c>MachinesHandler.read</c>, <c>list_allocated</c>,
/// <c>is_registered</c>, <c>is_action_in_progress</c>, <c>power_parameters</c>, and the item reads),
/// composed from <see cref="IMachineStore"/> and <see cref="MachinePermissions"/>: a caller sees only
/// the machines it may view (unowned, its own, or every machine for an admin).
/// </summary>
public sealed class MachineQueries(IMachineStore store)
{
    /// <summary>The machines <paramref name="actor"/> may view that match <paramref name="filter"/>, ordered by id.</summary>
    public async Task<IReadOnlyList<Machine>> ListAsync(Actor actor, MachineFilter filter, CancellationToken ct) =>
        [.. (await store.ListAsync(MachineQuery.ForDisplay, ct)).Where(Visible(actor, filter)).OrderBy(m => m.Id)];

    /// <summary>
    /// <c>get_node_or_404</c>: the machine, 404 "No Machine matches the given query." when unknown or
    /// not viewable, 403 when the actor lacks <paramref name="permission"/>.
    /// </summary>
    public async Task<Machine> GetAsync(string systemId, Actor actor, NodePermission permission, CancellationToken ct)
    {
        Machine machine = await store.FindAsync(systemId, ct) ?? throw MachineOperationException.NotFound();
        MachinePermissions.Demand(actor, machine, permission);
        return machine;
    }

    /// <summary>The machine when it exists and <paramref name="actor"/> may view it, else null.</summary>
    public async Task<Machine?> FindVisibleAsync(string systemId, Actor actor, CancellationToken ct) =>
        await store.FindAsync(systemId, ct) is { } m && MachinePermissions.Has(actor, m, NodePermission.View) ? m : null;

    /// <summary>
    /// MAAS's <c>admin_read</c> (power parameters, the machine's token): the actor must be an admin,
    /// locked machines included; 404 as <see cref="GetAsync"/>, else 403.
    /// </summary>
    public async Task<Machine> GetForAdminReadAsync(string systemId, Actor actor, CancellationToken ct)
    {
        Machine machine = await GetAsync(systemId, actor, NodePermission.View, ct);
        return actor.IsAdmin ? machine : throw MachineOperationException.PermissionDenied();
    }

    /// <summary>
    /// <c>op=get_curtin_config</c>: viewable, and DEPLOYING, DEPLOYED or FAILED_DEPLOYMENT, else 400
    /// "Machine &lt;hostname&gt; is not in a deployment state.".
    /// </summary>
    public async Task<Machine> GetInDeploymentAsync(string systemId, Actor actor, CancellationToken ct)
    {
        Machine machine = await GetAsync(systemId, actor, NodePermission.View, ct);
        return machine.Status is MachineStatus.Deploying or MachineStatus.Deployed or MachineStatus.FailedDeployment
            ? machine
            : throw MachineOperationException.Validation($"Machine {machine.Hostname} is not in a deployment state.");
    }

    /// <summary><c>op=list_allocated</c>: the ALLOCATED machines the actor owns, optionally only these ids.</summary>
    public async Task<IReadOnlyList<Machine>> ListAllocatedAsync(Actor actor, IReadOnlyCollection<string> systemIds, CancellationToken ct)
    {
        Func<Machine, bool> shows = AllocatedTo(actor, systemIds);
        return [.. (await store.ListAsync(MachineQuery.ForDisplay, ct)).Where(shows).OrderBy(m => m.Id)];
    }

    /// <summary>Which machines <c>op=list_allocated</c> answers: ALLOCATED, owned by the actor, and among <paramref name="systemIds"/> when any.</summary>
    public static Func<Machine, bool> AllocatedTo(Actor actor, IReadOnlyCollection<string> systemIds) =>
        m => m.Status == MachineStatus.Allocated && m.Owner is not null && m.Owner == actor.Username
            && (systemIds.Count == 0 || systemIds.Contains(m.SystemId));

    /// <summary>Which machines a list with <paramref name="filter"/> answers: those the actor may view that match.</summary>
    public static Func<Machine, bool> Visible(Actor actor, MachineFilter filter) =>
        m => MachinePermissions.Has(actor, m, NodePermission.View) && filter.Matches(m);

    /// <summary>
    /// <c>op=is_registered</c>: whether a machine has an interface with one of these MACs. RETIRED
    /// machines never count; for an anonymous caller (a booting machine) NEW and COMMISSIONING ones
    /// do not count either, so that enlistment goes on.
    /// </summary>
    public async Task<bool> IsRegisteredAsync(IReadOnlyList<MacAddress> macs, bool anonymous, CancellationToken ct)
    {
        foreach (MacAddress mac in macs)
        {
            if (await store.FindByMacAsync(mac, ct) is { } m
                && m.Status != MachineStatus.Retired
                && !(anonymous && m.Status is MachineStatus.New or MachineStatus.Commissioning))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>op=is_action_in_progress</c>: whether the machine with one of these MACs is COMMISSIONING or DEPLOYING.</summary>
    public async Task<bool> IsActionInProgressAsync(IReadOnlyList<MacAddress> macs, CancellationToken ct)
    {
        foreach (MacAddress mac in macs)
        {
            if (await store.FindByMacAsync(mac, ct) is { Status: MachineStatus.Commissioning or MachineStatus.Deploying })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>GET machines/ op=power_parameters</c>: admin only (403); each machine's power parameters by
    /// system_id, all machines when no id is given, unknown ids left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> PowerParametersAsync(
        Actor actor, IReadOnlyCollection<string> systemIds, CancellationToken ct)
    {
        if (!actor.IsAdmin)
        {
            throw MachineOperationException.PermissionDenied();
        }

        return (await store.ListAsync(ct))
            .Where(m => systemIds.Count == 0 || systemIds.Contains(m.SystemId))
            .OrderBy(m => m.Id)
            .ToDictionary(m => m.SystemId, m => (IReadOnlyDictionary<string, string>)m.PowerParameters, StringComparer.Ordinal);
    }
}
