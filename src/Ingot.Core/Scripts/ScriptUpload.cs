namespace Ingot.Core.Scripts;

/// <summary>
/// The files a <c>signal</c> uploads, by multipart field name: <c>&lt;name&gt;</c> (combined output),
/// <c>&lt;name&gt;.out</c>, <c>&lt;name&gt;.err</c>, <c>&lt;name&gt;.yaml</c>, grouped by script name.
/// </summary>
public sealed record ScriptUpload(string ScriptName, byte[]? Output, byte[]? Stdout, byte[]? Stderr, byte[]? Result)
{
    /// <summary>Groups uploaded files by the script they belong to, in the order first seen.</summary>
    public static IReadOnlyList<ScriptUpload> Group(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var byName = new Dictionary<string, ScriptUpload>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach ((string field, byte[] content) in files)
        {
            (string name, string suffix) = Split(field);
            if (!byName.TryGetValue(name, out ScriptUpload? upload))
            {
                upload = new ScriptUpload(name, null, null, null, null);
                order.Add(name);
            }

            byName[name] = suffix switch
            {
                ".out" => upload with { Stdout = content },
                ".err" => upload with { Stderr = content },
                ".yaml" => upload with { Result = content },
                _ => upload with { Output = content },
            };
        }

        return [.. order.Select(n => byName[n])];
    }

    private static (string Name, string Suffix) Split(string field)
    {
        foreach (string suffix in (string[])[".out", ".err", ".yaml"])
        {
            if (field.Length > suffix.Length && field.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (field[..^suffix.Length], suffix);
            }
        }

        return (field, "");
    }
}
