using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingot.Core.Rendering;

/// <summary>
/// Ingot's one YAML writer: block-style YAML from a JSON tree, mappings indented by two spaces, strings
/// double-quoted with JSON escapes (always, or when plain YAML could misread them: <see cref="YamlStyle"/>),
/// numbers and booleans plain, empty mappings and sequences as <c>{}</c> and <c>[]</c>. Every output is also
/// valid for any YAML 1.1 or 1.2 reader (curtin, netplan, cloud-init).
/// </summary>
public static class YamlText
{
    public static string Write(JsonObject document, string header = "") => Write(document, header, YamlStyle.Plain);

    public static string Write(JsonObject document, string header, YamlStyle style)
    {
        var yaml = new StringBuilder(header);
        new Writer(yaml, style).Mapping(document, 0, firstInline: false);
        return yaml.ToString();
    }

    /// <summary>A YAML (and JSON) double-quoted scalar.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value);

    private readonly struct Writer(StringBuilder yaml, YamlStyle style)
    {
        public void Mapping(JsonObject mapping, int indent, bool firstInline)
        {
            bool first = true;
            foreach ((string key, JsonNode? value) in mapping)
            {
                if (!(first && firstInline))
                {
                    yaml.Append(' ', indent);
                }

                first = false;
                yaml.Append(Key(key)).Append(':');
                Value(value, indent);
            }
        }

        private void Value(JsonNode? value, int indent)
        {
            switch (value)
            {
                case JsonObject { Count: > 0 } child:
                    yaml.Append('\n');
                    Mapping(child, indent + 2, firstInline: false);
                    break;
                case JsonObject:
                    yaml.Append(" {}\n");
                    break;
                case JsonArray { Count: > 0 } items when style.CompactSequences:
                    yaml.Append('\n');
                    CompactSequence(items, indent);
                    break;
                case JsonArray { Count: > 0 } items:
                    yaml.Append('\n');
                    foreach (JsonNode? item in items)
                    {
                        yaml.Append(' ', indent + 2).Append('-');
                        Value(item, indent + 2);
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

        private void CompactSequence(JsonArray items, int indent)
        {
            foreach (JsonNode? item in items)
            {
                yaml.Append(' ', indent).Append('-');
                if (item is JsonObject { Count: > 0 } mapping)
                {
                    yaml.Append(' ');
                    Mapping(mapping, indent + 2, firstInline: true);
                }
                else if (item is JsonArray { Count: > 0 } nested)
                {
                    yaml.Append('\n');
                    CompactSequence(nested, indent + 2);
                }
                else
                {
                    Value(item, indent);
                }
            }
        }

        private string Key(string key) => style.QuoteEveryString
            ? key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : Quote(key)
            : Text(key);

        private string Scalar(JsonNode? value) => value switch
        {
            null => "null",
            JsonValue v when v.TryGetValue(out string? text) => Text(text),
            JsonValue v when v.TryGetValue(out bool flag) => flag ? "true" : "false",
            JsonValue v when v.TryGetValue(out long number) => number.ToString(CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue(out int small) => small.ToString(CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue(out double real) => real.ToString("R", CultureInfo.InvariantCulture),
            _ => value.ToJsonString(),
        };

        /// <summary>A string: double-quoted, or plain when the style allows and it is a safe identifier-like word or path.</summary>
        private string Text(string text) => !style.QuoteEveryString && IsPlain(text) ? text : Quote(text);
    }

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
