using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts;

/// <summary>Where script sets and their results live.</summary>
public interface IScriptResultStore
{
    /// <summary>The machine's set of this kind for this run, with its results, or null.</summary>
    Task<ScriptSet?> FindSetAsync(string systemId, ScriptSetKind kind, int run, CancellationToken ct);

    /// <summary>The machine's newest set of this kind, with its results, or null.</summary>
    Task<ScriptSet?> LatestSetAsync(string systemId, ScriptSetKind kind, CancellationToken ct);

    /// <summary>A set by id (with results), or null.</summary>
    Task<ScriptSet?> FindSetByIdAsync(long id, CancellationToken ct);

    /// <summary>Every set of the machine, newest first, with results.</summary>
    Task<IReadOnlyList<ScriptSet>> SetsAsync(string systemId, CancellationToken ct);

    /// <summary>
    /// One read for many machines (all of them when <paramref name="systemIds"/> is null), by system id: each
    /// machine's <see cref="ScriptSetSummary"/> (machines without sets are left out). Reads neither outputs nor
    /// results beyond their statuses.
    /// </summary>
    Task<IReadOnlyDictionary<string, ScriptSetSummary>> SummariesAsync(IReadOnlyCollection<string>? systemIds, CancellationToken ct);

    /// <summary>
    /// Adds the set with its results (ids assigned). When a set for the same (machine, kind, run)
    /// was added meanwhile, that one is returned instead and nothing is written.
    /// </summary>
    Task<ScriptSet> AddSetAsync(ScriptSet set, CancellationToken ct);

    /// <summary>
    /// Saves the set's <see cref="ScriptSet.LastPing"/> and every result of it (new ones are added);
    /// compare-and-set on <see cref="ScriptSet.Version"/>: a set saved by another writer since it was read
    /// raises <see cref="Machines.MachineConflictException"/> (for the set's machine) and nothing is written.
    /// A set saved together with its machine goes through <see cref="Machines.IMachineStore"/> instead.
    /// </summary>
    Task SaveSetAsync(ScriptSet set, CancellationToken ct);

    /// <summary>Deletes every set of the machine (the machine is deleted).</summary>
    Task DeleteForMachineAsync(string systemId, CancellationToken ct);
}
