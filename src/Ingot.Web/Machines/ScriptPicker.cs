using System.Text.Json.Nodes;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Web.Machines;

/// <summary>
/// The script picker of the commission and test forms: checkboxes that edit the comma-separated
/// <c>commissioning_scripts</c> / <c>testing_scripts</c> lists the API takes, and an input per parameter of each
/// chosen script, sent as <c>&lt;script&gt;_&lt;param&gt;</c> (<see cref="ScriptParameters"/> reads them).
/// </summary>
public static class ScriptPicker
{
    /// <summary>The testing scripts, or the commissioning scripts a run may choose (the built-ins always run).</summary>
    public static IEnumerable<Script> Offered(IReadOnlyList<Script> all, ScriptType type) =>
        all.Where(s => s.Type == type && (type == ScriptType.Testing || !s.Default)).OrderBy(s => s.Name, StringComparer.Ordinal);

    public static bool IsChosen(string list, string name) => ScriptChoice.Split(list)?.Contains(name) == true;

    /// <summary>The list with <paramref name="name"/> added or removed (and <c>none</c> dropped when adding).</summary>
    public static string Toggle(string list, string name, bool on)
    {
        List<string> names = [.. ScriptChoice.Split(list) ?? []];
        names.Remove(name);
        if (on)
        {
            names.Remove("none");
            names.Add(name);
        }

        return string.Join(", ", names);
    }

    /// <summary>The chosen scripts' parameters: (script, parameter, type, default) for each one the user may set.</summary>
    public static IEnumerable<(string Script, string Name, string Type, string Default)> Parameters(IReadOnlyList<Script> all, params string[] lists)
    {
        HashSet<string> chosen = [.. lists.SelectMany(l => ScriptChoice.Split(l) ?? [])];
        foreach (Script script in all.Where(s => chosen.Contains(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (JsonNode.Parse(script.Parameters) is not JsonObject parameters)
            {
                continue;
            }

            foreach ((string name, JsonNode? node) in parameters)
            {
                if (node is JsonObject fields)
                {
                    yield return (script.Name, name, fields["type"]?.ToString() ?? "string", fields["default"]?.ToString() ?? "");
                }
            }
        }
    }
}
