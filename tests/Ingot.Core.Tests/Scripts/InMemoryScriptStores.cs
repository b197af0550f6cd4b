using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Core.Tests.Scripts;

/// <summary>Script sets kept in memory (ids assigned on add), for tests of Core's script logic.</summary>
internal sealed class InMemoryScriptResultStore : IScriptResultStore
{
    private readonly List<ScriptSet> _sets = [];
    private long _nextId = 1;

    public Task<ScriptSet?> FindSetAsync(string systemId, ScriptSetKind kind, int run, CancellationToken ct) =>
        Task.FromResult(_sets.FirstOrDefault(s => s.SystemId == systemId && s.Kind == kind && s.Run == run));

    public Task<ScriptSet?> LatestSetAsync(string systemId, ScriptSetKind kind, CancellationToken ct) =>
        Task.FromResult(_sets.LastOrDefault(s => s.SystemId == systemId && s.Kind == kind));

    public Task<ScriptSet?> FindSetByIdAsync(long id, CancellationToken ct) => Task.FromResult(_sets.FirstOrDefault(s => s.Id == id));

    public Task<IReadOnlyList<ScriptSet>> SetsAsync(string systemId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ScriptSet>>([.. _sets.Where(s => s.SystemId == systemId)]);

    public Task<IReadOnlyDictionary<string, ScriptSetSummary>> SummariesAsync(IReadOnlyCollection<string>? systemIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, ScriptSetSummary>>(_sets
            .Where(s => systemIds is null || systemIds.Contains(s.SystemId))
            .GroupBy(s => s.SystemId)
            .ToDictionary(
                g => g.Key,
                g => new ScriptSetSummary(
                    g.Key,
                    [.. g.GroupBy(s => s.Kind).Select(k => new ScriptSetHead(k.Key, k.Max(s => s.Id), k.Max(s => s.Run), k.MaxBy(s => s.Run)!.Id))],
                    [.. g.Where(s => s.Kind == ScriptSetKind.Testing).SelectMany(s => s.Results)
                        .GroupBy(r => r.Name).Select(r => r.MaxBy(x => x.Id)!)
                        .Select(r => new LatestTestingResult(LatestTestingResult.HardwareTypeOf(r.ScriptId, r.Name, s_noUserScripts), r.Status)).Distinct()],
                    [.. g.Where(s => s.Kind == ScriptSetKind.Commissioning).SelectMany(s => s.Results)
                        .GroupBy(r => r.Name).Select(r => r.MaxBy(x => x.Id)!.Status).Distinct()])));

    private static readonly Dictionary<long, int> s_noUserScripts = [];

    public Task<ScriptSet> AddSetAsync(ScriptSet set, CancellationToken ct)
    {
        set.Id = _nextId++;
        foreach (ScriptResult result in set.Results)
        {
            result.Id = _nextId++;
            result.ScriptSetId = set.Id;
        }

        _sets.Add(set);
        return Task.FromResult(set);
    }

    public Task SaveSetAsync(ScriptSet set, CancellationToken ct) => Task.CompletedTask;

    public Task DeleteForMachineAsync(string systemId, CancellationToken ct)
    {
        _sets.RemoveAll(s => s.SystemId == systemId);
        return Task.CompletedTask;
    }
}

/// <summary>User scripts kept in memory.</summary>
internal sealed class InMemoryScriptStore : IScriptStore
{
    private readonly List<Script> _scripts = [];

    public Task<IReadOnlyList<Script>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Script>>([.. _scripts]);

    public Task<Script?> FindAsync(string name, CancellationToken ct) => Task.FromResult(_scripts.FirstOrDefault(s => s.Name == name));

    public Task<Script?> FindByRowIdAsync(long rowId, CancellationToken ct) => Task.FromResult(_scripts.FirstOrDefault(s => s.RowId == rowId));

    public Task<bool> AddAsync(Script script, CancellationToken ct)
    {
        script.RowId = _scripts.Count + 1;
        _scripts.Add(script);
        return Task.FromResult(true);
    }

    public Task<bool> UpdateAsync(Script script, CancellationToken ct) => Task.FromResult(true);

    public Task<bool> DeleteAsync(long rowId, CancellationToken ct) => Task.FromResult(_scripts.RemoveAll(s => s.RowId == rowId) > 0);
}
