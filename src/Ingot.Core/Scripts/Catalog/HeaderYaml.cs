using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>
/// The YAML that MAAS's script metadata headers use, read into JSON nodes: block mappings and
/// sequences by indentation, flow <c>[...]</c> and <c>{...}</c>, quoted and plain scalars (plain ones
/// typed as YAML 1.1 does: null, booleans including yes/no/on/off, integers, floats), literal
/// <c>|</c> and folded <c>&gt;</c> blocks, comments. Anything else is a <see cref="FormatException"/>
/// naming the line.
/// </summary>
public static class HeaderYaml
{
    public static JsonNode? Parse(string text)
    {
        var lines = new List<(int Indent, string Text, int Number)>();
        string[] raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < raw.Length; i++)
        {
            string line = raw[i];
            if (line.Contains('\t', StringComparison.Ordinal) && line.TrimStart(' ').StartsWith('\t'))
            {
                throw new FormatException($"found a tab character used for indentation (line {i + 1})");
            }

            string content = StripComment(line).TrimEnd();
            if (content.Trim().Length == 0 || content.Trim() is "---" or "...")
            {
                // Blank lines still belong to literal blocks; keep them as empty markers.
                lines.Add((-1, "", i + 1));
                continue;
            }

            int indent = content.Length - content.TrimStart(' ').Length;
            lines.Add((indent, content[indent..], i + 1));
        }

        var reader = new BlockReader(lines);
        reader.SkipBlank();
        if (reader.AtEnd)
        {
            return null;
        }

        JsonNode? node = reader.ReadBlock(reader.Current.Indent);
        reader.SkipBlank();
        return reader.AtEnd ? node : throw new FormatException($"unexpected content (line {reader.Current.Number})");
    }

    /// <summary>The line without a trailing <c># comment</c> (a <c>#</c> at the start or after a space, outside quotes).</summary>
    internal static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '[' or '{' or ',' or ':'))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>A plain or quoted scalar, typed.</summary>
    internal static JsonNode? Scalar(string text)
    {
        string s = text.Trim();
        if (s.Length >= 2 && s[0] == '\'' && s[^1] == '\'')
        {
            return JsonValue.Create(s[1..^1].Replace("''", "'", StringComparison.Ordinal));
        }

        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"')
        {
            return JsonValue.Create(Unescape(s[1..^1]));
        }

        if (s.Length > 0 && s[0] is '"' or '\'')
        {
            throw new FormatException($"unterminated quoted scalar: {s}");
        }

        switch (s)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                return JsonValue.Create(false);
        }

        string digits = s.Replace("_", "", StringComparison.Ordinal);
        if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer) && !s.StartsWith('_'))
        {
            return JsonValue.Create(integer);
        }

        if (s.Any(char.IsDigit) && s.Any(c => c is '.' or 'e' or 'E') && !s.Contains(':', StringComparison.Ordinal)
            && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(s);
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length)
            {
                sb.Append(s[i]);
                continue;
            }

            char next = s[++i];
            sb.Append(next switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '0' => '\0',
                _ => next,
            });
        }

        return sb.ToString();
    }
}
