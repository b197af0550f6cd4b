using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Scripts;
using Microsoft.Extensions.Options;

namespace Ingot.Api.Machines;

/// <summary>
/// The machine table as <c>GET machines/</c> last read it, kept in step with the store by version:
/// each list reads every machine's (id, version) — two columns — and reloads only the machines whose
/// version moved on (all of them when many did), drops the deleted ones, and keeps the others. Each
/// entry also keeps its machine's list JSON, reused while the machine's version, its latest event,
/// its current script sets and the rendering context's fingerprint are unchanged. A change committed before a list starts is
/// therefore always in it. The machines here are for reading only (filters, permissions, JSON).
/// The kept JSON is bounded (<see cref="ApiOptions.MachineListJsonBytes"/>): machines beyond the bound
/// are rendered on each list; an entry dropped (machine deleted, or a newer version read) gives its
/// JSON back at once.
/// </summary>
internal sealed class MachineListCache(IOptions<ApiOptions> options) : IDisposable
{
    /// <summary>Above this many changed machines, one whole-table read is cheaper than a read by id.</summary>
    private const int ReloadAllAbove = 500;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Dictionary<long, Entry> _byId = [];

    /// <summary>The bytes of kept JSON and their bound.</summary>
    public MachineJsonBudget Budget { get; } = new(options.Value.MachineListJsonBytes);

    /// <summary>Every machine as of now, in id order.</summary>
    public async Task<IReadOnlyList<Entry>> CurrentAsync(IMachineVersionReads reads, CancellationToken ct)
    {
        IReadOnlyList<MachineVersion> versions = await reads.VersionsAsync(ct);
        await _refresh.WaitAsync(ct);
        try
        {
            List<long> stale = [.. versions.Where(v => !_byId.TryGetValue(v.Id, out Entry? e) || e.Machine.Version < v.Version).Select(v => v.Id)];
            var next = new Dictionary<long, Entry>(versions.Count);
            foreach (MachineVersion v in versions)
            {
                if (_byId.TryGetValue(v.Id, out Entry? kept))
                {
                    next[v.Id] = kept;
                }
            }

            if (stale.Count > 0)
            {
                IReadOnlyList<Machine> loaded = stale.Count > ReloadAllAbove ? await reads.ListAllAsync(ct) : await reads.ListByIdAsync(stale, ct);
                foreach (Machine machine in loaded)
                {
                    if (!next.TryGetValue(machine.Id, out Entry? kept) || kept.Machine.Version != machine.Version)
                    {
                        next[machine.Id] = new Entry(machine, Budget);
                    }
                }
            }

            foreach ((long id, Entry dropped) in _byId)
            {
                if (!next.TryGetValue(id, out Entry? kept) || !ReferenceEquals(kept, dropped))
                {
                    dropped.Retire();
                }
            }

            _byId = next;
            return [.. versions.Select(v => next.GetValueOrDefault(v.Id)).OfType<Entry>()];
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>
    /// One machine and its last rendered list JSON, counted against <paramref name="budget"/> when one is
    /// given (none: kept without bound). A retired entry (dropped by the cache) keeps nothing more.
    /// </summary>
    internal sealed class Entry(Machine machine, MachineJsonBudget? budget = null)
    {
        private readonly Lock _gate = new();
        private Rendered? _rendered;
        private bool _retired;

        public Machine Machine { get; } = machine;

        /// <summary>
        /// The JSON rendered under <paramref name="fingerprint"/> with <paramref name="latest"/> as status event and
        /// <paramref name="sets"/> as script sets, or null. The sets are part of the key because a script set is made, and
        /// its results change, without the machine being saved (its version stays).
        /// </summary>
        public byte[]? Json(string fingerprint, MachineEvent? latest, CurrentScriptSets? sets) =>
            Volatile.Read(ref _rendered) is { } r && r.Fingerprint == fingerprint && Equals(r.Latest, latest) && Equals(r.Sets, sets) ? r.Json : null;

        /// <summary>Keeps <paramref name="json"/> when the budget allows (else lets the older rendering go too); whether it was kept.</summary>
        public bool Keep(byte[] json, string fingerprint, MachineEvent? latest, CurrentScriptSets? sets)
        {
            lock (_gate)
            {
                long replaced = _rendered?.Json.Length ?? 0;
                if (_retired)
                {
                    return false;
                }

                if (budget is not null && !budget.TryReplace(replaced, json.Length))
                {
                    Volatile.Write(ref _rendered, null);
                    return false;
                }

                Volatile.Write(ref _rendered, new Rendered(json, fingerprint, latest, sets));
                return true;
            }
        }

        /// <summary>The cache dropped this entry: give the JSON back and keep nothing more.</summary>
        public void Retire()
        {
            lock (_gate)
            {
                if (_retired)
                {
                    return;
                }

                _retired = true;
                if (_rendered is { } r)
                {
                    budget?.Release(r.Json.Length);
                    Volatile.Write(ref _rendered, null);
                }
            }
        }

        private sealed record Rendered(byte[] Json, string Fingerprint, MachineEvent? Latest, CurrentScriptSets? Sets);
    }
}
