using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>
/// The <c>scripts/</c> and <c>scripts/{name}</c> operations (MAAS's <c>NodeScriptsHandler</c> and
/// <c>NodeScriptHandler</c>): anyone may read and download; only admins create, update, delete,
/// revert and tag (403 otherwise). Built-in scripts cannot be deleted, reverted or changed.
/// </summary>
public sealed class ScriptOperations(ScriptCatalog catalog, IScriptStore store, TimeProvider time)
{
    /// <summary>
    /// <c>read</c>: scripts of the given type and hardware type (each translated as MAAS does; 400
    /// with MAAS's message otherwise), named by or tagged with one of <paramref name="filters"/>.
    /// </summary>
    public async Task<IReadOnlyList<Script>> ListAsync(string? type, string? hardwareType, string? filters, CancellationToken ct)
    {
        ScriptType? scriptType = null;
        if (type is not null)
        {
            scriptType = ScriptChoices.Type(type, out string? error) ?? throw MachineOperationException.Validation(error!);
        }

        int? hardware = null;
        if (hardwareType is not null)
        {
            hardware = ScriptChoices.HardwareType(hardwareType, out string? error) ?? throw MachineOperationException.Validation(error!);
        }

        HashSet<string>? wanted = filters is null ? null : [.. filters.Split(',')];
        return [.. (await catalog.ListAsync(ct)).Where(s =>
            (scriptType is null || s.Type == scriptType)
            && (hardware is null || s.HardwareType == hardware)
            && (wanted is null || wanted.Contains(s.Name) || s.Tags.Any(wanted.Contains)))];
    }

    /// <summary>The script by name or id, or 404.</summary>
    public async Task<Script> GetAsync(string nameOrId, CancellationToken ct) =>
        await catalog.FindAsync(nameOrId, ct) ?? throw NotFound.Of("Script");

    public async Task<Script> CreateAsync(Actor actor, IReadOnlyDictionary<string, string> data, string? text, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        var script = new Script { Name = "" };
        ScriptForm.Apply(script, data, text, time.GetUtcNow().UtcDateTime);
        if (ScriptCatalog.BuiltIns.Any(b => b.Name == script.Name) || !await store.AddAsync(script, ct))
        {
            throw FormErrors.OnField("name", FormErrors.AlreadyExists("Script"));
        }

        return script;
    }

    public async Task<Script> UpdateAsync(Actor actor, string nameOrId, IReadOnlyDictionary<string, string> data, string? text, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Script script = await GetAsync(nameOrId, ct);
        ScriptForm.Apply(script, data, text, time.GetUtcNow().UtcDateTime);
        if (ScriptCatalog.BuiltIns.Any(b => b.Name == script.Name) || !await store.UpdateAsync(script, ct))
        {
            throw FormErrors.OnField("name", FormErrors.AlreadyExists("Script"));
        }

        return script;
    }

    public async Task DeleteAsync(Actor actor, string nameOrId, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Script script = await GetAsync(nameOrId, ct);
        if (script.Default)
        {
            throw MachineOperationException.Validation("Unable to delete default script");
        }

        if (!await store.DeleteAsync(script.RowId, ct))
        {
            throw NotFound.Of("Script");
        }
    }

    /// <summary>
    /// <c>download</c>: the current text, or the version whose id is <paramref name="revision"/>
    /// (400 "&lt;n&gt; not found in history" otherwise).
    /// </summary>
    public async Task<string> DownloadAsync(string nameOrId, long? revision, CancellationToken ct)
    {
        Script script = await GetAsync(nameOrId, ct);
        if (revision is not { } id)
        {
            return script.Current.Data;
        }

        return script.Versions.FirstOrDefault(v => script.VersionId(v) == id)?.Data
            ?? throw MachineOperationException.Validation($"{id} not found in history");
    }

    /// <summary>
    /// <c>revert</c> (<c>VersionedTextFile.revert</c>): <paramref name="to"/> is a version id or how many
    /// versions to go back (negative); the versions newer than the one reverted to are deleted.
    /// </summary>
    public async Task<Script> RevertAsync(Actor actor, string nameOrId, long to, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Script script = await GetAsync(nameOrId, ct);
        if (script.Default)
        {
            throw MachineOperationException.Validation("Unable to revert default script");
        }

        int keep;
        if (to == 0)
        {
            return script;
        }
        else if (to < 0)
        {
            if (-to >= script.Versions.Count)
            {
                throw MachineOperationException.Validation("Goes too far back.");
            }

            keep = script.Versions.Count - (int)-to;
        }
        else
        {
            int index = script.Versions.FindIndex(v => script.VersionId(v) == to);
            keep = index >= 0 ? index + 1 : throw MachineOperationException.Validation(string.Create(CultureInfo.InvariantCulture, $"{to} not found in history"));
        }

        script.Versions.RemoveRange(keep, script.Versions.Count - keep);
        script.Updated = time.GetUtcNow().UtcDateTime;
        return await store.UpdateAsync(script, ct) ? script : throw NotFound.Of("Script");
    }

    /// <summary><c>add_tag</c> / <c>remove_tag</c>: the tag may not contain a comma.</summary>
    public async Task<Script> TagAsync(Actor actor, string nameOrId, string tag, bool add, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        if (add && tag.Contains(',', StringComparison.Ordinal))
        {
            throw MachineOperationException.Validation("Tag may not contain a \",\".");
        }

        Script script = await GetAsync(nameOrId, ct);
        if (script.Default)
        {
            throw MachineOperationException.Validation("Ingot does not store changes to built-in scripts.");
        }

        if (add)
        {
            script.AddTag(tag);
        }
        else
        {
            script.RemoveTag(tag);
        }

        script.NormaliseTags();
        script.Updated = time.GetUtcNow().UtcDateTime;
        return await store.UpdateAsync(script, ct) ? script : throw NotFound.Of("Script");
    }
}
