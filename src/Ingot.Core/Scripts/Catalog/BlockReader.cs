using System.Text;
using System.Text.Json.Nodes;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>The block (indentation) part of <see cref="HeaderYaml"/>: mappings, sequences, literal blocks.</summary>
internal sealed class BlockReader(List<(int Indent, string Text, int Number)> lines)
{
    private int _index;

    public bool AtEnd => _index >= lines.Count;

    public (int Indent, string Text, int Number) Current => lines[_index];

    public void SkipBlank()
    {
        while (!AtEnd && lines[_index].Indent < 0)
        {
            _index++;
        }
    }

    public JsonNode? ReadBlock(int indent) =>
        IsSequenceItem(Current.Text) ? ReadSequence(indent) : ReadMapping(indent);

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    private JsonArray ReadSequence(int indent)
    {
        var array = new JsonArray();
        while (true)
        {
            SkipBlank();
            if (AtEnd || Current.Indent != indent || !IsSequenceItem(Current.Text))
            {
                break;
            }

            (int _, string text, int number) = Current;
            string rest = text.Length > 1 ? text[2..] : "";
            int restIndent = indent + 2 + (rest.Length - rest.TrimStart(' ').Length);
            rest = rest.TrimStart(' ');
            if (rest.Length == 0)
            {
                _index++;
                array.Add(ReadNested(indent, allowSameIndentSequence: false));
            }
            else if (FindKeySeparator(rest) >= 0 && rest[0] is not '[' and not '{' and not '"' and not '\'')
            {
                // "- key: value" starts a mapping whose keys line up with "key".
                lines[_index] = (restIndent, rest, number);
                array.Add(ReadMapping(restIndent));
            }
            else
            {
                _index++;
                array.Add(FlowReader.Value(rest, number));
            }
        }

        return array;
    }

    private JsonObject ReadMapping(int indent)
    {
        var map = new JsonObject();
        while (true)
        {
            SkipBlank();
            if (AtEnd || Current.Indent < indent)
            {
                break;
            }

            (int lineIndent, string text, int number) = Current;
            if (lineIndent > indent || IsSequenceItem(text))
            {
                throw new FormatException($"bad indentation of a mapping entry (line {number})");
            }

            int colon = FindKeySeparator(text);
            if (colon < 0)
            {
                throw new FormatException($"could not find expected ':' (line {number})");
            }

            string key = HeaderYaml.Scalar(text[..colon])?.ToString() ?? "null";
            string value = text[(colon + 1)..].Trim();
            _index++;
            if (map.ContainsKey(key))
            {
                throw new FormatException($"found duplicate key '{key}' (line {number})");
            }

            map[key] = value switch
            {
                "" => ReadNested(indent, allowSameIndentSequence: true),
                "|" or "|-" or "|+" or ">" or ">-" or ">+" => ReadLiteral(indent, value),
                _ => FlowReader.Value(value, number),
            };
        }

        return map;
    }

    /// <summary>The value under a key or dash: a more indented block, a sequence at the key's indent, or null.</summary>
    private JsonNode? ReadNested(int indent, bool allowSameIndentSequence)
    {
        SkipBlank();
        if (AtEnd)
        {
            return null;
        }

        if (Current.Indent > indent || (allowSameIndentSequence && Current.Indent == indent && IsSequenceItem(Current.Text)))
        {
            return ReadBlock(Current.Indent);
        }

        return null;
    }

    private JsonValue ReadLiteral(int indent, string style)
    {
        var parts = new List<string>();
        int blockIndent = -1;
        while (!AtEnd && (lines[_index].Indent < 0 || lines[_index].Indent > indent))
        {
            (int lineIndent, string text, int _) = lines[_index];
            if (lineIndent >= 0 && blockIndent < 0)
            {
                blockIndent = lineIndent;
            }

            parts.Add(lineIndent < 0 ? "" : new string(' ', Math.Max(0, lineIndent - blockIndent)) + text);
            _index++;
        }

        while (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        var sb = new StringBuilder();
        bool folded = style[0] == '>';
        for (int i = 0; i < parts.Count; i++)
        {
            sb.Append(parts[i]);
            if (i < parts.Count - 1)
            {
                sb.Append(folded && parts[i].Length > 0 && parts[i + 1].Length > 0 ? ' ' : '\n');
            }
        }

        if (!style.EndsWith('-') && parts.Count > 0)
        {
            sb.Append('\n');
        }

        return JsonValue.Create(sb.ToString());
    }

    /// <summary>The index of the <c>:</c> ending a mapping key (followed by a space or the end), outside quotes and brackets; -1 if none.</summary>
    internal static int FindKeySeparator(string text)
    {
        char quote = '\0';
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            switch (c)
            {
                case '"' or '\'' when i == 0:
                    quote = c;
                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}':
                    depth--;
                    break;
                case ':' when depth == 0 && (i + 1 == text.Length || text[i + 1] == ' '):
                    return i;
            }
        }

        return -1;
    }
}
