using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingot.Api.Metadata;

/// <summary>
/// Writes a <c>#cloud-config</c> document from a JSON object as block-style YAML: mappings and
/// sequences indented by two spaces, strings double-quoted with JSON escapes (valid YAML), numbers
/// and booleans plain. Enough for the preseeds, which hold only those.
/// </summary>
internal static class CloudConfigYaml
{
    public static string Write(JsonObject document)
    {
        var yaml = new StringBuilder("#cloud-config\n");
        WriteMapping(yaml, document, 0);
        return yaml.ToString();
    }

    /// <summary>A YAML (and JSON) double-quoted scalar.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value);

    private static void WriteMapping(StringBuilder yaml, JsonObject mapping, int indent)
    {
        foreach ((string key, JsonNode? value) in mapping)
        {
            yaml.Append(' ', indent).Append(Key(key)).Append(':');
            WriteValue(yaml, value, indent);
        }
    }

    private static void WriteValue(StringBuilder yaml, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } child:
                yaml.Append('\n');
                WriteMapping(yaml, child, indent + 2);
                break;
            case JsonObject:
                yaml.Append(" {}\n");
                break;
            case JsonArray { Count: > 0 } items:
                yaml.Append('\n');
                foreach (JsonNode? item in items)
                {
                    yaml.Append(' ', indent + 2).Append('-');
                    WriteValue(yaml, item, indent + 2);
                }

                break;
            case JsonArray:
                yaml.Append(" []\n");
                break;
            default:
                yaml.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Key(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && key.Length > 0 ? key : Quote(key);

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue(out string? text) => Quote(text),
        JsonValue v when v.TryGetValue(out bool flag) => flag ? "true" : "false",
        JsonValue v when v.TryGetValue(out long number) => number.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue(out double real) => real.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
