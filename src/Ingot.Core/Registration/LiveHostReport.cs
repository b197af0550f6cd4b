using System.Globalization;

namespace Ingot.Core.Registration;

/// <summary>
/// What <see cref="RegistrationScript"/> posts: the header line, then one line per deploy-info script it ran,
/// <c>result &lt;script&gt; &lt;exit status&gt; &lt;stdout&gt; &lt;stderr&gt;</c>, each output base64 on one line
/// (<c>-</c> when empty). Pure. Refused with the reason (and nothing to store): no header, a line that is not such
/// a result, a script outside the deploy-info set, a script twice, an exit status outside 0–255, output that is not
/// base64, or a deploy-info script missing.
/// </summary>
public static class LiveHostReport
{
    public const string Header = "ingot-registration 2";

    /// <summary>One script's run on the live machine.</summary>
    public sealed record Result(string Name, int ExitStatus, byte[] Stdout, byte[] Stderr);

    public static IReadOnlyList<Result>? Parse(string report, out string? error)
    {
        ArgumentNullException.ThrowIfNull(report);
        error = null;
        string[] lines = report.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (lines[0].Trim() != Header)
        {
            error = $"Not an Ingot registration report (the first line must be '{Header}').";
            return null;
        }

        var results = new List<Result>();
        foreach (string raw in lines.Skip(1))
        {
            string[] f = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0)
            {
                continue;
            }

            if (f.Length != 5 || f[0] != "result")
            {
                error = $"Malformed report line: {Shorten(raw)}";
                return null;
            }

            if (!DeployInfoScripts.Contains(f[1]))
            {
                error = $"{Shorten(f[1])} is not a deploy-info script.";
                return null;
            }

            if (results.Any(r => r.Name == f[1]))
            {
                error = $"The report has {f[1]} twice.";
                return null;
            }

            if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out int exit) || exit > 255)
            {
                error = $"The exit status of {f[1]} is not a number from 0 to 255: {Shorten(f[2])}";
                return null;
            }

            if (Decode(f[3]) is not { } stdout || Decode(f[4]) is not { } stderr)
            {
                error = $"The output of {f[1]} is not base64.";
                return null;
            }

            results.Add(new Result(f[1], exit, stdout, stderr));
        }

        if (DeployInfoScripts.All.FirstOrDefault(s => results.All(r => r.Name != s.Name)) is { } missing)
        {
            error = $"The report lacks the result of {missing.Name}.";
            return null;
        }

        return results;
    }

    private static byte[]? Decode(string field)
    {
        if (field == "-")
        {
            return [];
        }

        var bytes = new byte[field.Length / 4 * 3];
        return Convert.TryFromBase64String(field, bytes, out int written) ? bytes[..written] : null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
