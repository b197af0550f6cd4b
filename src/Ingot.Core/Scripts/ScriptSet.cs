using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts;

/// <summary>
/// The scripts one commissioning or testing run of a machine runs (MAAS's <c>ScriptSet</c>), with
/// their results. Keyed by (machine, kind, <see cref="Machines.Machine.ScriptRun"/>).
/// </summary>
public sealed class ScriptSet
{
    public long Id { get; set; }

    public required string SystemId { get; set; }

    public ScriptSetKind Kind { get; set; }

    public int Run { get; set; }

    public DateTime Created { get; set; }

    /// <summary>The last time the machine signalled about this set (MAAS's <c>last_ping</c>).</summary>
    public DateTime? LastPing { get; set; }

    /// <summary>The script tags the request named (MAAS's <c>ScriptSet.tags</c>): <c>for_hardware</c> scripts carrying one are added once the hardware is known.</summary>
    public List<string> Tags { get; set; } = [];

    public List<ScriptResult> Results { get; set; } = [];

    /// <summary>
    /// Goes up by one with every save of the set (<see cref="IScriptResultStore.SaveSetAsync"/> or a machine
    /// save that carries it, <see cref="Machines.IMachineStore.SaveAsync(Machines.Machine, IReadOnlyList{ScriptSet}, CancellationToken)"/>):
    /// a save of a set that was saved by someone else since it was read loses (compare-and-set) and writes nothing.
    /// </summary>
    public long Version { get; set; }

    /// <summary>MAAS's <c>ScriptSet.status</c>: the "worst" status of its results.</summary>
    public ScriptStatus Status => ScriptSetStatusOf(Results.Select(r => r.Status));

    /// <summary>
    /// MAAS's aggregation: running/installing/applying wins, then pending, then any failure (failed,
    /// timed out, failed installing/applying), then aborted, degraded, passed; skipped results count
    /// as passed. An empty set is pending.
    /// </summary>
    public static ScriptStatus ScriptSetStatusOf(IEnumerable<ScriptStatus> statuses)
    {
        var all = statuses.ToList();
        ScriptStatus[] order =
        [
            ScriptStatus.Running, ScriptStatus.Installing, ScriptStatus.ApplyingNetconf, ScriptStatus.Pending,
            ScriptStatus.Failed, ScriptStatus.TimedOut, ScriptStatus.FailedInstalling, ScriptStatus.FailedApplyingNetconf,
            ScriptStatus.Aborted, ScriptStatus.Degraded,
        ];
        foreach (ScriptStatus status in order)
        {
            if (all.Contains(status))
            {
                return status;
            }
        }

        return all.Count == 0 ? ScriptStatus.Pending : ScriptStatus.Passed;
    }
}
