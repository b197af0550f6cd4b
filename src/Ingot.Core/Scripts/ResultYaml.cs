using System.Text;

namespace Ingot.Core.Scripts;

/// <summary>
/// The one field of a script's result YAML that decides its status: a top-level <c>status:</c>
/// (<c>passed</c>, <c>failed</c>, <c>degraded</c>, <c>timedout</c>, <c>skipped</c>), as MAAS's
/// <c>ScriptResult.store_result</c> reads it. Everything else in the YAML is kept, not read.
/// </summary>
public static class ResultYaml
{
    /// <summary>The status the YAML asks for, null when it names none, or an error for an unknown one.</summary>
    public static (ScriptStatus? Status, string? Error) ReadStatus(ReadOnlySpan<byte> yaml)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(yaml);
        }
        catch (DecoderFallbackException)
        {
            return (null, "The result YAML is not valid UTF-8.");
        }

        foreach (string line in text.Split('\n'))
        {
            if (!line.StartsWith("status:", StringComparison.Ordinal))
            {
                continue;
            }

            string value = line["status:".Length..].Trim().Trim('"', '\'').ToLowerInvariant();
            return value switch
            {
                "passed" => (ScriptStatus.Passed, null),
                "failed" => (ScriptStatus.Failed, null),
                "degraded" => (ScriptStatus.Degraded, null),
                "timedout" => (ScriptStatus.TimedOut, null),
                "skipped" => (ScriptStatus.Skipped, null),
                _ => (null, $"Unknown status in the result YAML: '{value}'"),
            };
        }

        return (null, null);
    }
}
