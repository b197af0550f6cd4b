using Ingot.Core.HardwareSync;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>How many times an allocation reads its candidates again after all of them were taken meanwhile.</summary>
    private const int ClaimRounds = 16;

    /// <summary>
    /// <c>op=deploy</c>: edit. A READY machine is acquired first (another owner: 409 "Can't allocate
    /// a machine belonging to another user."). Then only a status whose table row contains
    /// DEPLOYING passes, which is ALLOCATED alone; anything else is 409 "Can't deploy a machine that
    /// is in the '&lt;label&gt;' state". Then MAAS's form check of <c>enable_hw_sync</c> (400 on a non-Linux OS,
    /// <see cref="HardwareSyncRules.CheckForm"/>; a READY machine is checked before it is acquired). Then <see cref="MachineLifecycle.DeployAsync"/> (boot image, network, storage,
    /// AUTO link addresses, the save; the same as the UI's deploy action); a refusal saves nothing, so the
    /// machine keeps its status and owner. Unlike the UI action there is
    /// no diskless or NIC check here.
    /// </summary>
    public async Task<Machine> DeployAsync(string systemId, Actor actor, DeployOptions? options, CancellationToken ct)
    {
        Machine m = await LoadAsync(systemId, actor, NodePermission.Edit, ct);
        DateTime now = Now;
        options ??= DeployOptions.Default;
        bool ready = m.Status == MachineStatus.Ready;
        if (ready)
        {
            HardwareSyncRules.CheckForm(options);
            await Lifecycle.CheckDeploymentAsync(m, options, ct);
            m.Acquire(actor, now, options.AgentName, options.Comment);
        }

        if (!NodeTransitions.Table[m.Status].Contains(MachineStatus.Deploying))
        {
            throw MachineOperationException.StateViolation($"Can't deploy a machine that is in the '{m.Status.Label()}' state");
        }

        if (!ready)
        {
            HardwareSyncRules.CheckForm(options);
        }

        await Lifecycle.DeployAsync(m, actor, options, null, ct, checkedAlready: ready);
        return m;
    }

    /// <summary>
    /// <c>POST /machines/ op=allocate</c>: among the READY machines the actor may edit that match
    /// the constraints (<see cref="MachineFilter"/>), the cheapest (<c>cpu_count + memory/1024</c>,
    /// MAAS's <c>reorder_nodes_by_cost</c>) is acquired, unless <c>dry_run</c>. The store claims it
    /// (<see cref="IMachineStore.ClaimAsync"/>): the first candidate, in that order, that no concurrent
    /// allocation (in this region or another) has taken or is taking, so parallel allocations never share
    /// a machine and never fail while one is left. None at all: 409 "No machine available."; none
    /// matching: 409 "No available machine matches constraints: …". (The UI calls this acquire.)
    /// With <c>verbose</c>, the storage and interface matches on every candidate of the round come back too.
    /// Constraints that look at no disk or interface read the shortlist without them
    /// (<see cref="MachineQuery.AllocationShortlist"/>), and the machine chosen is read again whole.
    /// </summary>
    public async Task<Allocation> AllocateAsync(Actor actor, AllocationRequest? request, CancellationToken ct)
    {
        request ??= AllocationRequest.Empty;
        MachineFilter filter = MachineFilter.Parse(request.Form, request.Vocabulary, allocating: true);
        MachineQuery shortlist = filter.NeedsHardware ? MachineQuery.AllocationCandidates : MachineQuery.AllocationShortlist;

        // A round ends without a machine only when every candidate read was taken meanwhile (or is being
        // taken by a claim that may yet roll back): read again, the taken ones are gone from the list.
        for (int round = 0; round < ClaimRounds; round++)
        {
            List<Machine> candidates = [.. (await store.ListAsync(shortlist, ct))
                .Where(m => m.Status == MachineStatus.Ready && MachinePermissions.Has(actor, m, NodePermission.Edit) && filter.Matches(m))
                .OrderBy(m => m.CpuCount + (m.Memory / 1024.0))
                .ThenBy(m => m.Id)];
            if (candidates.Count == 0)
            {
                break;
            }

            Machine? claimed = request.DryRun
                ? candidates[0]
                : await store.ClaimAsync(candidates, m => m.Acquire(actor, Now, filter.AgentName, request.Comment), ct);
            if (claimed is not null)
            {
                var allocation = new Allocation(
                    claimed,
                    filter.Storage?.Match(claimed)?.ToDictionary(p => p.Key, p => (IReadOnlyList<long>)[p.Value.Id]) ?? [],
                    filter.Interfaces?.Match(claimed)?.ToDictionary(p => p.Key, p => (IReadOnlyList<long>)[p.Value.Id]) ?? [])
                {
                    Verbose = request.Verbose ? AllocationMatches.Of(filter, candidates) : null,
                };
                return await WholeAsync(allocation, shortlist, ct);
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
