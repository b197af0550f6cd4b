using System.Text.Json;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>
/// The <c>*_status</c> / <c>*_status_name</c> pairs: MAAS's SCRIPT_STATUS ints and labels, -1 "Unknown"
/// when there are no results. Core knows only the commissioning script set's outcome; testing and
/// the per-hardware test statuses have no results in Ingot yet, so they are always -1 "Unknown".
/// </summary>
internal static class ScriptStatusJson
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> nameName, ScriptSetStatus? status)
    {
        (int value, string label) = status switch
        {
            ScriptSetStatus.Pending => (0, "Pending"),
            ScriptSetStatus.Running => (1, "Running"),
            ScriptSetStatus.Passed => (2, "Passed"),
            ScriptSetStatus.Failed => (3, "Failed"),
            ScriptSetStatus.Aborted => (5, "Aborted"),
            ScriptSetStatus.Skipped => (9, "Skipped"),
            _ => (-1, "Unknown"),
        };
        writer.WriteNumber(name, value);
        writer.WriteString(nameName, label);
    }
}
