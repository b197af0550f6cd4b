using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingot.Core.Rendering;

/// <summary>
/// Block-style YAML from a JSON tree: mappings indented by two spaces, sequence items as <c>- key: value</c>,
/// strings double-quoted with JSON escapes when plain YAML could misread them, numbers and booleans plain.
/// Every output is also valid for any YAML 1.1 or 1.2 reader (curtin, netplan, cloud-init).
/// </summary>
public static class YamlText
{
    public static string Write(JsonObject document, string header = "")
    {
        var yaml = new StringBuilder(header);
        WriteMapping(yaml, document, 0, firstInline: false);
        return yaml.ToString();
    }

    private static void WriteMapping(StringBuilder yaml, JsonObject mapping, int indent, bool firstInline)
    {
        bool first = true;
        foreach ((string key, JsonNode? value) in mapping)
        {
            if (!(first && firstInline))
            {
                yaml.Append(' ', indent);
            }

            first = false;
            yaml.Append(Scalar(key)).Append(':');
            WriteValue(yaml, value, indent);
        }
    }

    private static void WriteValue(StringBuilder yaml, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } child:
                yaml.Append('\n');
                WriteMapping(yaml, child, indent + 2, firstInline: false);
                break;
            case JsonObject:
                yaml.Append(" {}\n");
                break;
            case JsonArray { Count: > 0 } items:
                yaml.Append('\n');
                WriteSequence(yaml, items, indent);
                break;
            case JsonArray:
                yaml.Append(" []\n");
                break;
            default:
                yaml.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteSequence(StringBuilder yaml, JsonArray items, int indent)
    {
        foreach (JsonNode? item in items)
        {
            yaml.Append(' ', indent).Append('-');
            if (item is JsonObject { Count: > 0 } mapping)
            {
                yaml.Append(' ');
                WriteMapping(yaml, mapping, indent + 2, firstInline: true);
            }
            else if (item is JsonArray { Count: > 0 } nested)
            {
                yaml.Append('\n');
                WriteSequence(yaml, nested, indent + 2);
            }
            else
            {
                WriteValue(yaml, item, indent);
            }
        }
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue(out string? text) => Scalar(text),
        JsonValue v when v.TryGetValue(out bool flag) => flag ? "true" : "false",
        JsonValue v when v.TryGetValue(out long number) => number.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue(out int small) => small.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue(out double real) => real.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    /// <summary>A string plain when it is a safe identifier-like word or path, else double-quoted.</summary>
    private static string Scalar(string text) => IsPlain(text) ? text : JsonSerializer.Serialize(text);

    private static bool IsPlain(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]) && text[0] != '/')
        {
            return false;
        }

        if (text.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "y" or "n")
        {
            return false;
        }

        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/');
    }
}
