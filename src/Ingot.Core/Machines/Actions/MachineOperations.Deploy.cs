using Ingot.Core.Machines.Filters;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>
    /// <c>op=deploy</c>: edit. A READY machine is acquired first (another owner: 409 "Can't allocate
    /// a machine belonging to another user."). Then only a status whose table row contains
    /// DEPLOYING passes, which is ALLOCATED alone; anything else is 409 "Can't deploy a machine that
    /// is in the '&lt;label&gt;' state". Then <see cref="MachineLifecycle.DeployAsync"/> (boot image, storage,
    /// AUTO link addresses, the save; the same as the UI's deploy action); a refusal saves nothing, so the
    /// machine keeps its status and owner. Unlike the UI action there is
    /// no diskless or NIC check here.
    /// </summary>
    public async Task<Machine> DeployAsync(string systemId, Actor actor, DeployOptions? options, CancellationToken ct)
    {
        Machine m = await LoadAsync(systemId, actor, NodePermission.Edit, ct);
        DateTime now = Now;
        options ??= DeployOptions.Default;
        if (m.Status == MachineStatus.Ready)
        {
            m.Acquire(actor, now, options.AgentName, options.Comment);
        }

        if (!NodeTransitions.Table[m.Status].Contains(MachineStatus.Deploying))
        {
            throw MachineOperationException.StateViolation($"Can't deploy a machine that is in the '{m.Status.Label()}' state");
        }

        await Lifecycle.DeployAsync(m, actor, options, null, ct);
        return m;
    }

    /// <summary>
    /// <c>POST /machines/ op=allocate</c>: among the READY machines the actor may edit that match
    /// the constraints (<see cref="MachineFilter"/>), the cheapest (<c>cpu_count + memory/1024</c>,
    /// MAAS's <c>reorder_nodes_by_cost</c>) is acquired, unless <c>dry_run</c>. A machine taken by
    /// a concurrent request (a lost compare-and-set) is skipped for the next candidate, so parallel
    /// allocations never share a machine and never fail while one is left. None at all: 409 "No
    /// machine available."; none matching: 409 "No available machine matches constraints: …".
    /// (The UI calls this acquire.) At most <see cref="AllocationGate.Width"/> allocations run at once
    /// in a process. Constraints that look at no disk or interface read the shortlist without them
    /// (<see cref="MachineQuery.AllocationShortlist"/>), and the machine chosen is read again whole.
    /// </summary>
    public async Task<Allocation> AllocateAsync(Actor actor, AllocationRequest? request, CancellationToken ct)
    {
        await AllocationGate.Slots.WaitAsync(ct);
        try
        {
            return await AllocateOneAsync(actor, request, ct);
        }
        finally
        {
            AllocationGate.Slots.Release();
        }
    }

    private async Task<Allocation> AllocateOneAsync(Actor actor, AllocationRequest? request, CancellationToken ct)
    {
        request ??= AllocationRequest.Empty;
        MachineFilter filter = MachineFilter.Parse(request.Form, request.Vocabulary, allocating: true);
        MachineQuery shortlist = filter.NeedsHardware ? MachineQuery.AllocationCandidates : MachineQuery.AllocationShortlist;
        for (int round = 0; round < 8; round++)
        {
            bool lost = false;
            IEnumerable<Machine> candidates = (await store.ListAsync(shortlist, ct))
                .Where(m => m.Status == MachineStatus.Ready && MachinePermissions.Has(actor, m, NodePermission.Edit) && filter.Matches(m))
                .OrderBy(m => m.CpuCount + (m.Memory / 1024.0))
                .ThenBy(m => m.Id);
            foreach (Machine machine in candidates)
            {
                var allocation = new Allocation(
                    machine,
                    filter.Storage?.Match(machine)?.ToDictionary(p => p.Key, p => (IReadOnlyList<long>)[p.Value.Id]) ?? [],
                    filter.Interfaces?.Match(machine)?.ToDictionary(p => p.Key, p => (IReadOnlyList<long>)[p.Value.Id]) ?? []);
                if (request.DryRun)
                {
                    return await WholeAsync(allocation, shortlist, ct);
                }

                machine.Acquire(actor, Now, filter.AgentName, request.Comment);
                try
                {
                    await store.SaveAsync(machine, ct);
                    return await WholeAsync(allocation, shortlist, ct);
                }
                catch (MachineConflictException)
                {
                    lost = true;
                }
            }

            if (!lost)
            {
                break;
            }
        }

        throw MachineOperationException.StateViolation(filter.IsEmpty
            ? "No machine available."
            : $"No available machine matches constraints: {request.Repr()} (resolved to \"{filter.Describe()}\")");
    }

    /// <summary>The allocation with its machine read again whole when the shortlist left out its disks and interfaces.</summary>
    private async Task<Allocation> WholeAsync(Allocation allocation, MachineQuery shortlist, CancellationToken ct) =>
        shortlist.Hardware || await store.FindAsync(allocation.Machine.SystemId, ct) is not { } whole
            ? allocation
            : allocation with { Machine = whole };
}
