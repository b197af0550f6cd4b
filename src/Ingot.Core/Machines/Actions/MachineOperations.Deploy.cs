using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>
    /// <c>op=deploy</c>: edit. A READY machine is acquired first (another owner: 409 "Can't allocate
    /// a machine belonging to another user."). Then only a status whose table row contains
    /// DEPLOYING passes, which is ALLOCATED alone; anything else is 409 "Can't deploy a machine that
    /// is in the '&lt;label&gt;' state". Unlike the UI action there is no diskless or NIC check here.
    /// </summary>
    public Task<Machine> DeployAsync(string systemId, Actor actor, DeployOptions? options, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Edit, (m, now) =>
        {
            options ??= DeployOptions.Default;
            if (m.Status == MachineStatus.Ready)
            {
                m.Acquire(actor, now, options.AgentName, options.Comment);
            }

            if (!NodeTransitions.Table[m.Status].Contains(MachineStatus.Deploying))
            {
                throw MachineOperationException.StateViolation($"Can't deploy a machine that is in the '{m.Status.Label()}' state");
            }

            m.StartDeployment(actor, now, settings, options);
        }, ct);

    /// <summary>
    /// <c>POST /machines/ op=allocate</c>: the first READY machine the actor may edit that matches
    /// <paramref name="constraints"/> is acquired. None at all: 409 "No machine available."; none
    /// matching: 409 "No available machine matches constraints: ...". (The UI calls this acquire.)
    /// </summary>
    public async Task<Machine> AllocateAsync(Actor actor, AllocationConstraints? constraints, CancellationToken ct)
    {
        constraints ??= AllocationConstraints.None;
        IReadOnlyList<Machine> machines = await store.ListAsync(ct);
        List<Machine> available = [.. machines
            .Where(m => m.Status == MachineStatus.Ready && MachinePermissions.Has(actor, m, NodePermission.Edit))
            .OrderBy(m => m.SystemId, StringComparer.Ordinal)];
        Machine? machine = available.FirstOrDefault(constraints.Matches);
        if (machine is null)
        {
            throw MachineOperationException.StateViolation(constraints.IsEmpty
                ? "No machine available."
                : $"No available machine matches constraints: {constraints.Describe()}");
        }

        machine.Acquire(actor, Now, constraints.AgentName, constraints.Comment);
        await store.SaveAsync(machine, ct);
        return machine;
    }
}
