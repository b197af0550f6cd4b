using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>
/// MAAS's embedded script metadata (<c>ScriptForm._read_script</c>): the script must start with a
/// shebang; the lines between <c># --- Start MAAS 1.0 script metadata ---</c> and the matching End
/// line, each with its leading <c>#</c> removed, are a YAML mapping. Errors carry MAAS's messages
/// (for the <c>script</c> field).
/// </summary>
public static partial class ScriptHeader
{
    public const string MissingShebang = "Must start with shebang.";

    public const string MissingHash = "Missing \"#\" on YAML line.";

    /// <summary>The header's fields (empty when there is none), or the errors on <c>script</c>.</summary>
    public static (JsonObject Fields, IReadOnlyList<string> Errors) Read(string script)
    {
        var errors = new List<string>();
        string[] lines = script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (script.Length > 0 && !lines[0].StartsWith("#!/", StringComparison.Ordinal))
        {
            errors.Add(MissingShebang);
        }

        string? version = null;
        var yaml = new StringBuilder();
        foreach (string line in lines.Skip(1))
        {
            Match m = Delimiter().Match(line);
            if (m.Success)
            {
                if (version is null && m.Groups["version"].Value == "1.0")
                {
                    version = "1.0";
                    continue;
                }

                if (version == m.Groups["version"].Value)
                {
                    break;
                }
            }
            else if (version is not null && line.Trim().Length > 0)
            {
                int hash = line.IndexOf('#', StringComparison.Ordinal);
                if (hash < 0)
                {
                    errors.Add(MissingHash);
                    return ([], errors);
                }

                yaml.Append(line[(hash + 1)..]).Append('\n');
            }
        }

        JsonNode? parsed;
        try
        {
            parsed = HeaderYaml.Parse(Dedent(yaml.ToString()));
        }
        catch (FormatException e)
        {
            errors.Add($"Invalid YAML: {e.Message}");
            return ([], errors);
        }

        return (parsed as JsonObject ?? [], errors);
    }

    /// <summary>Lines after "#" usually start with one space; YAML only needs them consistent, so drop the common indent.</summary>
    private static string Dedent(string text)
    {
        string[] lines = text.Split('\n');
        int common = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= common ? l[common..] : l.TrimStart(' ')));
    }

    [GeneratedRegex(@"\s*#\s*-+\s*(Start|End) MAAS (?<version>\d+\.\d+) script metadata\s+-+", RegexOptions.IgnoreCase)]
    private static partial Regex Delimiter();
}
