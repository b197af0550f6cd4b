using System.Collections.Frozen;
using static Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Machines;

/// <summary>
/// MAAS's transition table, <c>NODE_TRANSITIONS</c> in <c>src/maasserver/node_status.py</c>, as data.
/// Every status change goes through <see cref="IsAllowed"/> except the few paths MAAS itself lets
/// skip validation (see <see cref="UnvalidatedReason"/>).
/// </summary>
public static class NodeTransitions
{
    /// <summary>The creation row, <c>None → [NEW, MISSING, RETIRED]</c> (used only by MAAS's factory).</summary>
    public static FrozenSet<MachineStatus> Initial { get; } = new[] { New, Missing, Retired }.ToFrozenSet();

    public static FrozenDictionary<MachineStatus, FrozenSet<MachineStatus>> Table { get; } = new Dictionary<MachineStatus, MachineStatus[]>
    {
        [New] = [Commissioning, Testing, Missing, Ready, Retired, Broken, EnteringRescueMode],
        [Commissioning] = [FailedCommissioning, Ready, Retired, Missing, New, Broken, Testing],
        [FailedCommissioning] = [Commissioning, Missing, Retired, Broken, EnteringRescueMode, Testing],
        [Missing] = [New, Ready, MachineStatus.Allocated, Commissioning, Broken, EnteringRescueMode, Testing],
        [Ready] = [EnteringRescueMode, Commissioning, MachineStatus.Allocated, Reserved, Retired, Missing, Broken, Testing],
        [Reserved] = [Ready, MachineStatus.Allocated, Retired, Missing, Broken, DiskErasing, Releasing, EnteringRescueMode, Testing],
        [Deployed] = [MachineStatus.Allocated, Missing, Broken, Ready, DiskErasing, Releasing, EnteringRescueMode, Testing],
        [Retired] = [New, Ready, Missing, Broken, EnteringRescueMode, Testing],
        [Broken] = [Commissioning, Ready, DiskErasing, Releasing, EnteringRescueMode, Testing, Deployed],
        [Deploying] = [MachineStatus.Allocated, Missing, Broken, FailedDeployment, Deployed, Ready, DiskErasing, Releasing],
        [MachineStatus.Allocated] = [Ready, Retired, Missing, Broken, Deploying, DiskErasing, Releasing, EnteringRescueMode, Testing],
        [FailedDeployment] = [MachineStatus.Allocated, Missing, Broken, Ready, DiskErasing, Releasing, EnteringRescueMode, Testing],
        [Releasing] = [New, MachineStatus.Allocated, Reserved, Deployed, Ready, Broken, Missing, FailedDeployment, FailedDiskErasing, FailedReleasing],
        [FailedReleasing] = [Releasing, DiskErasing, Ready, Broken, Testing],
        [DiskErasing] = [Broken, DiskErasing, FailedDiskErasing, Ready, Releasing],
        [FailedDiskErasing] = [DiskErasing, Releasing, Broken, MachineStatus.Allocated, Ready, EnteringRescueMode, Testing],
        [RescueMode] = [Broken, ExitingRescueMode, Testing],
        [EnteringRescueMode] = [Ready, Broken, Deployed, RescueMode, FailedEnteringRescueMode, ExitingRescueMode],
        [FailedEnteringRescueMode] = [Broken, EnteringRescueMode, ExitingRescueMode, Testing],
        [ExitingRescueMode] =
        [
            New, Broken, FailedCommissioning, Ready, Reserved, MachineStatus.Allocated, FailedDeployment, Deployed,
            Missing, Retired, FailedReleasing, FailedDiskErasing, RescueMode, FailedEnteringRescueMode,
            FailedExitingRescueMode, FailedTesting,
        ],
        [FailedExitingRescueMode] = [Broken, ExitingRescueMode, Testing],
        // [BROKEN, NEW, READY, RESERVED, ALLOCATED, DEPLOYED] + NODE_TESTING_RESET_READY_TRANSITIONS
        [Testing] = [Broken, New, Ready, Reserved, MachineStatus.Allocated, Deployed, .. MachineStatuses.TestingResetReady],
        [FailedTesting] = [Commissioning, Broken, Missing, EnteringRescueMode, Testing, Ready, Deployed],
    }.ToFrozenDictionary(row => row.Key, row => row.Value.ToFrozenSet());

    /// <summary>
    /// <c>_validate_status_transition</c>: a self-transition is always legal; otherwise the target
    /// must be in the source's row.
    /// </summary>
    public static bool IsAllowed(MachineStatus from, MachineStatus to) =>
        from == to || (Table.TryGetValue(from, out var targets) && targets.Contains(to));

    /// <summary>MAAS's text for a refused transition: <c>Invalid transition: Retired -> Allocated.</c></summary>
    public static string InvalidTransitionMessage(MachineStatus from, MachineStatus to) =>
        $"Invalid transition: {from.Label()} -> {to.Label()}.";
}
