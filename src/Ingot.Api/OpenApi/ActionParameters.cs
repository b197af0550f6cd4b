using System.Text.RegularExpressions;

namespace Ingot.Api.OpenApi;

/// <summary>
/// The <c>:param name: text</c> and <c>:type name: type</c> lines of an action's doc (what
/// <c>describe/</c> and the <c>maas</c> CLI read), as OpenAPI parameters: name, description and
/// schema type (<c>integer</c> for int, <c>boolean</c> for bool, <c>string</c> otherwise).
/// </summary>
internal static partial class ActionParameters
{
    public static IReadOnlyList<(string Name, string Description, string Type)> Of(string doc)
    {
        Dictionary<string, string> types = TypeLine().Matches(doc)
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => SchemaType(g.First().Groups[2].Value));
        return [.. ParamLine().Matches(doc)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim(), types.GetValueOrDefault(m.Groups[1].Value, "string")))
            .DistinctBy(p => p.Item1)];
    }

    private static string SchemaType(string type)
    {
        string t = type.Trim();
        return t.StartsWith("int", StringComparison.Ordinal) ? "integer"
            : t.StartsWith("bool", StringComparison.Ordinal) ? "boolean"
            : "string";
    }

    [GeneratedRegex(@"^\s*:param\s+([A-Za-z_][A-Za-z0-9_]*):[ \t]*(.*)$", RegexOptions.Multiline)]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^\s*:type\s+([A-Za-z_][A-Za-z0-9_]*):[ \t]*(.*)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
