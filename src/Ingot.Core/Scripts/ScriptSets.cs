using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts;

/// <summary>
/// A machine's current script sets: the set of a kind for the machine's current
/// <see cref="Machine.ScriptRun"/>, made from <see cref="BuiltInScripts"/> with every result
/// pending the first time it is needed. With a <see cref="Catalog.ScriptCatalog"/>, a set made on first
/// need holds what <see cref="ScriptSelection"/> chooses by default (user scripts included); without,
/// the built-ins only. Sets made at <c>commission</c>/<c>test</c> with the request's choices come first.
/// </summary>
public sealed class ScriptSets(IScriptResultStore store, TimeProvider time, Catalog.ScriptCatalog? catalog = null)
{
    public async Task<ScriptSet> CurrentAsync(Machine machine, ScriptSetKind kind, CancellationToken ct)
    {
        if (await store.FindSetAsync(machine.SystemId, kind, machine.ScriptRun, ct) is { } existing)
        {
            return existing;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        if (catalog is not null && kind is ScriptSetKind.Commissioning or ScriptSetKind.Testing)
        {
            IReadOnlyList<Catalog.Script> all = await catalog.ListAsync(ct);
            IReadOnlyList<Catalog.Script> chosen = kind == ScriptSetKind.Testing
                ? ScriptSelection.Testing(all, null)
                : ScriptSelection.Commissioning(all, null, machine.Enlisting);
            return await store.AddSetAsync(ScriptSelection.NewSet(machine, kind, chosen, new Dictionary<string, string>(), now), ct);
        }

        var set = new ScriptSet { SystemId = machine.SystemId, Kind = kind, Run = machine.ScriptRun, Created = now };
        set.Results.AddRange(BuiltInScripts.DefaultFor(kind).Select(script => new ScriptResult
        {
            Name = script.Name,
            ScriptId = script.Id,
            ScriptVersionId = script.Id,
            Status = ScriptStatus.Pending,
            Created = now,
            Updated = now,
        }));
        return await store.AddSetAsync(set, ct);
    }

    /// <summary>
    /// The set MAAS calls <c>current_&lt;kind&gt;_script_set</c>: this run's, or the newest one
    /// (a test-only run leaves the last commissioning set current). Null when there is none.
    /// </summary>
    public async Task<ScriptSet?> FindCurrentAsync(Machine machine, ScriptSetKind kind, CancellationToken ct) =>
        await store.FindSetAsync(machine.SystemId, kind, machine.ScriptRun, ct)
        ?? await store.LatestSetAsync(machine.SystemId, kind, ct);
}
