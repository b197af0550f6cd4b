using System.Collections.Frozen;

namespace Ingot.Core.Machines;

/// <summary>
/// Facts about each status: MAAS's label (<c>NODE_STATUS_LABELS</c>), its upper-case name
/// (<c>NODE_STATUS</c> attribute), the simplified status, the failure map and the named sets of
/// <c>src/maasserver/node_status.py</c> and <c>src/maasserver/enum.py</c>.
/// </summary>
public static class MachineStatuses
{
    public static IReadOnlyList<MachineStatus> All { get; } = Enum.GetValues<MachineStatus>();

    private static readonly FrozenDictionary<MachineStatus, string> s_labels = new Dictionary<MachineStatus, string>
    {
        [MachineStatus.New] = "New",
        [MachineStatus.Commissioning] = "Commissioning",
        [MachineStatus.FailedCommissioning] = "Failed commissioning",
        [MachineStatus.Missing] = "Missing",
        [MachineStatus.Ready] = "Ready",
        [MachineStatus.Reserved] = "Reserved",
        [MachineStatus.Deployed] = "Deployed",
        [MachineStatus.Retired] = "Retired",
        [MachineStatus.Broken] = "Broken",
        [MachineStatus.Deploying] = "Deploying",
        [MachineStatus.Allocated] = "Allocated",
        [MachineStatus.FailedDeployment] = "Failed deployment",
        [MachineStatus.Releasing] = "Releasing",
        // Really "Releasing failed", not "Failed releasing".
        [MachineStatus.FailedReleasing] = "Releasing failed",
        [MachineStatus.DiskErasing] = "Disk erasing",
        [MachineStatus.FailedDiskErasing] = "Failed disk erasing",
        [MachineStatus.RescueMode] = "Rescue mode",
        [MachineStatus.EnteringRescueMode] = "Entering rescue mode",
        [MachineStatus.FailedEnteringRescueMode] = "Failed to enter rescue mode",
        [MachineStatus.ExitingRescueMode] = "Exiting rescue mode",
        [MachineStatus.FailedExitingRescueMode] = "Failed to exit rescue mode",
        [MachineStatus.Testing] = "Testing",
        [MachineStatus.FailedTesting] = "Failed testing",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<MachineStatus, string> s_constantNames = All.ToFrozenDictionary(
        s => s,
        s => string.Concat(s.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant());

    /// <summary>MAAS's failure map, <c>NODE_FAILURE_STATUS_TRANSITION_MAP</c>: seven pairs.</summary>
    public static FrozenDictionary<MachineStatus, MachineStatus> FailureMap { get; } = new Dictionary<MachineStatus, MachineStatus>
    {
        [MachineStatus.Commissioning] = MachineStatus.FailedCommissioning,
        [MachineStatus.Deploying] = MachineStatus.FailedDeployment,
        [MachineStatus.Releasing] = MachineStatus.FailedReleasing,
        [MachineStatus.DiskErasing] = MachineStatus.FailedDiskErasing,
        [MachineStatus.EnteringRescueMode] = MachineStatus.FailedEnteringRescueMode,
        [MachineStatus.ExitingRescueMode] = MachineStatus.FailedExitingRescueMode,
        [MachineStatus.Testing] = MachineStatus.FailedTesting,
    }.ToFrozenDictionary();

    /// <summary><c>MONITORED_STATUSES</c>: the keys of the failure map.</summary>
    public static FrozenSet<MachineStatus> Monitored { get; } = FailureMap.Keys.ToFrozenSet();

    /// <summary><c>FAILED_STATUSES</c>: the values of the failure map.</summary>
    public static FrozenSet<MachineStatus> Failed { get; } = FailureMap.Values.ToFrozenSet();

    /// <summary><c>ALLOCATED_NODE_STATUSES</c> (<c>src/maasserver/enum.py</c>).</summary>
    public static FrozenSet<MachineStatus> Allocated { get; } = new[]
    {
        MachineStatus.Allocated, MachineStatus.Deploying, MachineStatus.Deployed, MachineStatus.FailedDeployment,
        MachineStatus.Releasing, MachineStatus.FailedReleasing, MachineStatus.DiskErasing,
        MachineStatus.FailedDiskErasing, MachineStatus.RescueMode, MachineStatus.EnteringRescueMode,
        MachineStatus.FailedEnteringRescueMode, MachineStatus.ExitingRescueMode,
        MachineStatus.FailedExitingRescueMode, MachineStatus.Testing, MachineStatus.FailedTesting,
    }.ToFrozenSet();

    /// <summary><c>RELEASABLE_STATUSES</c> (<c>src/maasserver/models/node.py</c>).</summary>
    public static FrozenSet<MachineStatus> Releasable { get; } = new[]
    {
        MachineStatus.Allocated, MachineStatus.Reserved, MachineStatus.Broken, MachineStatus.Deploying,
        MachineStatus.Deployed, MachineStatus.FailedDeployment, MachineStatus.FailedDiskErasing,
        MachineStatus.FailedReleasing,
    }.ToFrozenSet();

    /// <summary><c>COMMISSIONING_LIKE_STATUSES</c>: the statuses that boot the ephemeral environment.</summary>
    public static FrozenSet<MachineStatus> CommissioningLike { get; } = new[]
    {
        MachineStatus.New, MachineStatus.Commissioning, MachineStatus.DiskErasing,
        MachineStatus.EnteringRescueMode, MachineStatus.Releasing, MachineStatus.RescueMode, MachineStatus.Testing,
    }.ToFrozenSet();

    /// <summary>
    /// <c>NODE_TESTING_RESET_READY_TRANSITIONS</c>: a passed test run from one of these previous
    /// statuses ends in READY.
    /// </summary>
    public static FrozenSet<MachineStatus> TestingResetReady { get; } = new[]
    {
        MachineStatus.New, MachineStatus.Commissioning, MachineStatus.FailedDeployment, MachineStatus.Missing,
        MachineStatus.Retired, MachineStatus.Broken, MachineStatus.FailedReleasing, MachineStatus.FailedDiskErasing,
        MachineStatus.FailedEnteringRescueMode, MachineStatus.FailedExitingRescueMode, MachineStatus.FailedTesting,
    }.ToFrozenSet();

    /// <summary>
    /// Leaving one of these statuses leaves <c>previous_status</c> alone
    /// (<c>pre_save_update_status</c>, <c>src/maasserver/models/signals/nodes.py</c>).
    /// </summary>
    public static FrozenSet<MachineStatus> PreviousStatusNotRecordedFrom { get; } = new[]
    {
        MachineStatus.RescueMode, MachineStatus.EnteringRescueMode, MachineStatus.FailedEnteringRescueMode,
        MachineStatus.ExitingRescueMode, MachineStatus.FailedExitingRescueMode, MachineStatus.Testing,
    }.ToFrozenSet();

    /// <summary>Entering one of these statuses clears the owner.</summary>
    public static FrozenSet<MachineStatus> OwnerClearedOnEntering { get; } =
        new[] { MachineStatus.New, MachineStatus.Ready }.ToFrozenSet();

    /// <summary>MAAS's label, e.g. "Failed commissioning"; "Unknown" for a value outside the enum.</summary>
    public static string Label(this MachineStatus status) => s_labels.GetValueOrDefault(status, "Unknown");

    /// <summary>MAAS's constant name, e.g. <c>FAILED_COMMISSIONING</c>.</summary>
    public static string ConstantName(this MachineStatus status) => s_constantNames.GetValueOrDefault(status, "UNKNOWN");

    public static bool TryParseConstantName(string name, out MachineStatus status)
    {
        foreach (var (s, constant) in s_constantNames)
        {
            if (constant == name)
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static bool IsFailed(this MachineStatus status) => Failed.Contains(status);

    public static bool IsMonitored(this MachineStatus status) => Monitored.Contains(status);

    /// <summary><c>get_failed_status</c>: the status a failure in this status moves to, or null.</summary>
    public static MachineStatus? FailedStatusFor(this MachineStatus status) =>
        FailureMap.TryGetValue(status, out var failed) ? failed : null;

    /// <summary><c>SIMPLIFIED_NODE_STATUSES_MAP</c>.</summary>
    public static string Simplified(this MachineStatus status) => status switch
    {
        _ when status.IsFailed() => "Failed",
        MachineStatus.DiskErasing or MachineStatus.Releasing => "Releasing",
        MachineStatus.EnteringRescueMode or MachineStatus.ExitingRescueMode or MachineStatus.RescueMode => "Rescue Mode",
        MachineStatus.Missing or MachineStatus.Reserved or MachineStatus.Retired => "Other",
        _ => status.Label(),
    };
}
