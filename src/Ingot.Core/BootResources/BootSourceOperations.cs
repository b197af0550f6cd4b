using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Users;

namespace Ingot.Core.BootResources;

/// <summary>
/// The <c>boot-sources/</c> and <c>boot-sources/{id}/selections/</c> operations: anyone may read; only
/// admins change them. As MAAS does at start, a process that finds no boot source at all defines the
/// default one (MAAS's image server, Ubuntu's keyring, the <see cref="DefaultRelease"/> for amd64).
/// </summary>
public sealed class BootSourceOperations(IBootSourceStore store, TimeProvider time) : IDisposable
{
    /// <summary>MAAS's default commissioning release, the one the default selection imports.</summary>
    public const string DefaultRelease = "noble";

    private readonly SemaphoreSlim _ensure = new(1, 1);
    private bool _ensured;

    public async Task<IReadOnlyList<BootSource>> ListAsync(CancellationToken ct)
    {
        await EnsureDefaultAsync(ct);
        return await store.ListAsync(ct);
    }

    /// <summary>The source, or 404 "No BootSource matches the given query.".</summary>
    public async Task<BootSource> GetAsync(string id, CancellationToken ct)
    {
        await EnsureDefaultAsync(ct);
        return (TryId(id) is { } key ? await store.FindAsync(key, ct) : null) ?? throw NotFound.Of("BootSource");
    }

    public async Task<BootSource> CreateAsync(Actor actor, BootSourceForm.Fields fields, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        await EnsureDefaultAsync(ct);
        DateTime now = time.GetUtcNow().UtcDateTime;
        var source = new BootSource { Url = "", Created = now, Updated = now };
        BootSourceForm.Apply(source, fields, creating: true);
        await store.AddAsync(source, ct);
        return source;
    }

    public async Task<BootSource> UpdateAsync(Actor actor, string id, BootSourceForm.Fields fields, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        BootSource source = await GetAsync(id, ct);
        BootSourceForm.Apply(source, fields, creating: false);
        source.Updated = time.GetUtcNow().UtcDateTime;
        return await store.UpdateAsync(source, ct) ? source : throw NotFound.Of("BootSource");
    }

    public async Task DeleteAsync(Actor actor, string id, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        BootSource source = await GetAsync(id, ct);
        if (!await store.DeleteAsync(source.Id, ct))
        {
            throw NotFound.Of("BootSource");
        }
    }

    public async Task<IReadOnlyList<BootSourceSelection>> ListSelectionsAsync(string sourceId, CancellationToken ct) =>
        await store.ListSelectionsAsync((await GetAsync(sourceId, ct)).Id, ct);

    public async Task<BootSourceSelection> GetSelectionAsync(string sourceId, string id, CancellationToken ct)
    {
        BootSource source = await GetAsync(sourceId, ct);
        return (TryId(id) is { } key ? await store.FindSelectionAsync(source.Id, key, ct) : null)
            ?? throw NotFound.Of("BootSourceSelection");
    }

    public async Task<BootSourceSelection> CreateSelectionAsync(Actor actor, string sourceId, BootSourceSelectionForm.Fields fields, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        BootSource source = await GetAsync(sourceId, ct);
        var selection = new BootSourceSelection { BootSourceId = source.Id, Release = "" };
        BootSourceSelectionForm.Apply(selection, fields, creating: true);
        await store.AddSelectionAsync(selection, ct);
        return selection;
    }

    public async Task<BootSourceSelection> UpdateSelectionAsync(Actor actor, string sourceId, string id, BootSourceSelectionForm.Fields fields, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        BootSourceSelection selection = await GetSelectionAsync(sourceId, id, ct);
        BootSourceSelectionForm.Apply(selection, fields, creating: false);
        return await store.UpdateSelectionAsync(selection, ct) ? selection : throw NotFound.Of("BootSourceSelection");
    }

    public async Task DeleteSelectionAsync(Actor actor, string sourceId, string id, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        BootSourceSelection selection = await GetSelectionAsync(sourceId, id, ct);
        if (!await store.DeleteSelectionAsync(selection.BootSourceId, selection.Id, ct))
        {
            throw NotFound.Of("BootSourceSelection");
        }
    }

    /// <summary>Defines the default boot source and selection when there is no source (once per process).</summary>
    public async Task EnsureDefaultAsync(CancellationToken ct)
    {
        if (_ensured)
        {
            return;
        }

        await _ensure.WaitAsync(ct);
        try
        {
            if (!_ensured && (await store.ListAsync(ct)).Count == 0)
            {
                DateTime now = time.GetUtcNow().UtcDateTime;
                var source = new BootSource { Url = BootSource.DefaultUrl, KeyringFilename = BootSource.DefaultKeyring, Created = now, Updated = now };
                await store.AddAsync(source, ct);
                await store.AddSelectionAsync(new BootSourceSelection { BootSourceId = source.Id, Os = "ubuntu", Release = DefaultRelease, Arches = ["amd64"] }, ct);
            }

            _ensured = true;
        }
        finally
        {
            _ensure.Release();
        }
    }

    public void Dispose() => _ensure.Dispose();

    private static long? TryId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long key) ? key : null;
}
