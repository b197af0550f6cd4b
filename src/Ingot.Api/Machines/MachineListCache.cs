using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Queries;

namespace Ingot.Api.Machines;

/// <summary>
/// The machine table as <c>GET machines/</c> last read it, kept in step with the store by version:
/// each list reads every machine's (id, version) — two columns — and reloads only the machines whose
/// version moved on (all of them when many did), drops the deleted ones, and keeps the others. Each
/// entry also keeps its machine's list JSON, reused while the machine's version, its latest event
/// and the rendering context's fingerprint are unchanged. A change committed before a list starts is
/// therefore always in it. The machines here are for reading only (filters, permissions, JSON).
/// </summary>
internal sealed class MachineListCache : IDisposable
{
    /// <summary>Above this many changed machines, one whole-table read is cheaper than a read by id.</summary>
    private const int ReloadAllAbove = 500;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Dictionary<long, Entry> _byId = [];

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
                        next[machine.Id] = new Entry(machine);
                    }
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

    /// <summary>One machine and its last rendered list JSON.</summary>
    internal sealed class Entry(Machine machine)
    {
        private Rendered? _rendered;

        public Machine Machine { get; } = machine;

        /// <summary>The JSON rendered under <paramref name="fingerprint"/> with <paramref name="latest"/> as status event, or null.</summary>
        public byte[]? Json(string fingerprint, MachineEvent? latest) =>
            Volatile.Read(ref _rendered) is { } r && r.Fingerprint == fingerprint && Equals(r.Latest, latest) ? r.Json : null;

        public void Keep(byte[] json, string fingerprint, MachineEvent? latest) =>
            Volatile.Write(ref _rendered, new Rendered(json, fingerprint, latest));

        private sealed record Rendered(byte[] Json, string Fingerprint, MachineEvent? Latest);
    }
}
