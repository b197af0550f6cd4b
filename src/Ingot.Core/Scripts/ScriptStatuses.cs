using System.Collections.Frozen;

namespace Ingot.Core.Scripts;

/// <summary>Labels and groups of <see cref="ScriptStatus"/>, as MAAS names them.</summary>
public static class ScriptStatuses
{
    private static readonly FrozenDictionary<ScriptStatus, string> s_labels = new Dictionary<ScriptStatus, string>
    {
        [ScriptStatus.Pending] = "Pending",
        [ScriptStatus.Running] = "Running",
        [ScriptStatus.Passed] = "Passed",
        [ScriptStatus.Failed] = "Failed",
        [ScriptStatus.TimedOut] = "Timed out",
        [ScriptStatus.Aborted] = "Aborted",
        [ScriptStatus.Degraded] = "Degraded",
        [ScriptStatus.Installing] = "Installing dependencies",
        [ScriptStatus.FailedInstalling] = "Failed installing dependencies",
        [ScriptStatus.Skipped] = "Skipped",
        [ScriptStatus.ApplyingNetconf] = "Applying custom network configuration",
        [ScriptStatus.FailedApplyingNetconf] = "Failed to apply custom network configuration",
    }.ToFrozenDictionary();

    /// <summary><c>SCRIPT_STATUS_FAILED</c>: a result in one of these fails its run.</summary>
    public static FrozenSet<ScriptStatus> Failed { get; } = new[]
    {
        ScriptStatus.Failed, ScriptStatus.TimedOut, ScriptStatus.FailedInstalling, ScriptStatus.FailedApplyingNetconf,
    }.ToFrozenSet();

    /// <summary><c>SCRIPT_STATUS_RUNNING_OR_PENDING</c>: aborted when the machine fails.</summary>
    public static FrozenSet<ScriptStatus> RunningOrPending { get; } = new[]
    {
        ScriptStatus.Pending, ScriptStatus.Running, ScriptStatus.Installing, ScriptStatus.ApplyingNetconf,
    }.ToFrozenSet();

    public static string Label(this ScriptStatus status) => s_labels[status];

    /// <summary>Whether the script has started (MAAS's <c>has_started</c> in <c>index.json</c>).</summary>
    public static bool HasStarted(this ScriptStatus status) => status != ScriptStatus.Pending;

    /// <summary>Whether the script has finished (MAAS's <c>has_finished</c>).</summary>
    public static bool HasFinished(this ScriptStatus status) => !RunningOrPending.Contains(status);
}
