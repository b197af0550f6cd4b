using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts;

/// <summary>
/// What the machine JSON says about a machine's script sets: the ids of its current commissioning, testing and
/// installation sets (MAAS's <c>current_*_result_id</c>, the set <see cref="ScriptSets.FindCurrentAsync"/> finds:
/// this run's, else the newest), <c>testing_status</c> (MAAS's <c>get_status_from_qs</c> over the latest result
/// of each testing script, aborted ones left out; null when there is none, written -1), the same per hardware type
/// (<see cref="HardwareTestStatuses"/>; null is none) and <c>commissioning_status</c>, the same rollup over the latest
/// result of each commissioning script (enlistment's included: MAAS stores them as commissioning results).
/// </summary>
public sealed record CurrentScriptSets(
    long? Commissioning, long? Testing, long? Installation, ScriptStatus? TestingStatus, HardwareTestStatuses? Hardware = null, ScriptStatus? CommissioningStatus = null)
{
    /// <summary>A machine without script sets.</summary>
    public static CurrentScriptSets None { get; } = new(null, null, null, null);

    /// <summary>
    /// The machine's current sets from <paramref name="summary"/> (one store read for many machines). A set at
    /// the machine's <see cref="Machine.ScriptRun"/> is current; without one, the newest of its kind is.
    /// </summary>
    public static CurrentScriptSets Of(Machine machine, ScriptSetSummary? summary)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (summary is null)
        {
            return None;
        }

        long? Current(ScriptSetKind kind) =>
            summary.Heads.FirstOrDefault(h => h.Kind == kind) is { } head ? (head.LastRun == machine.ScriptRun ? head.LastRunId : head.NewestId) : null;

        return new CurrentScriptSets(
            Current(ScriptSetKind.Commissioning),
            Current(ScriptSetKind.Testing),
            Current(ScriptSetKind.Installation),
            ScriptStatusRollup.Health(summary.LatestTesting.Select(r => r.Status)),
            HardwareTestStatuses.Of(summary.LatestTesting),
            ScriptStatusRollup.Health(summary.LatestCommissioning));
    }
}

/// <summary>
/// One machine's script sets as one store read gives them for many machines: per kind, the newest set's id and
/// the id of the set with the highest run; the latest result of each testing script (by script name, across every
/// testing set of the machine: MAAS's <c>get_latest_script_results</c>) as its status and hardware type, distinct pairs
/// only; and the statuses of the latest result of each commissioning script, distinct.
/// </summary>
public sealed record ScriptSetSummary(
    string SystemId, IReadOnlyList<ScriptSetHead> Heads, IReadOnlyList<LatestTestingResult> LatestTesting, IReadOnlyList<ScriptStatus> LatestCommissioning);

/// <summary>The newest set of a kind (by id) and the set with the highest run of that kind.</summary>
public sealed record ScriptSetHead(ScriptSetKind Kind, long NewestId, int LastRun, long LastRunId);
