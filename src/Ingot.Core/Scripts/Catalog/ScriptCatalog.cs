using System.Globalization;
using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>
/// Every script MAAS would list: the built-ins (<see cref="BuiltInScripts"/>, ids below
/// <see cref="Script.UserIdBase"/>) and the user scripts in the store. A script is found by name or
/// by id, as MAAS's <c>scripts/{name}</c> accepts both.
/// </summary>
public sealed class ScriptCatalog(IScriptStore store)
{
    public static IReadOnlyList<Script> BuiltIns { get; } = [.. BuiltInScripts.All.Select(FromBuiltIn)];

    public async Task<IReadOnlyList<Script>> ListAsync(CancellationToken ct) =>
        [.. BuiltIns, .. await store.ListAsync(ct)];

    /// <summary>The script named <paramref name="nameOrId"/> (or with that id when it is all digits), or null.</summary>
    public async Task<Script?> FindAsync(string nameOrId, CancellationToken ct)
    {
        if (nameOrId.Length > 0 && nameOrId.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            {
                return null;
            }

            return id < Script.UserIdBase
                ? BuiltIns.FirstOrDefault(s => s.Id == id)
                : await store.FindByRowIdAsync(id - Script.UserIdBase, ct);
        }

        return BuiltIns.FirstOrDefault(s => s.Name == nameOrId) ?? await store.FindAsync(nameOrId, ct);
    }

    private static Script FromBuiltIn(BuiltInScript b)
    {
        var script = new Script
        {
            BuiltInId = b.Id,
            Name = b.Name,
            Description = b.Description,
            Tags = [.. b.Tags],
            Type = b.Kind switch
            {
                ScriptSetKind.Testing => ScriptType.Testing,
                ScriptSetKind.Release => ScriptType.Release,
                _ => ScriptType.Commissioning,
            },
            HardwareType = b.HardwareType,
            Parallel = b.Parallel,
            TimeoutSeconds = b.TimeoutSeconds,
            Parameters = b.Parameters,
            Destructive = b.Tags.Contains("destructive"),
            Versions = [new ScriptVersion { Data = b.Body, Comment = "Created by Ingot" }],
        };
        return script;
    }
}
