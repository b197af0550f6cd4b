using System.Text.Json;
using Ingot.Core.Machines;
using Ingot.Core.Scripts;

namespace Ingot.Wire.Machines;

/// <summary>
/// The <c>*_status</c> / <c>*_status_name</c> pairs: MAAS's SCRIPT_STATUS ints and labels, -1 "Unknown"
/// when there are no results. Commissioning's comes from the machine's stored outcome, testing's from the
/// current script sets (<see cref="CurrentScriptSets.TestingStatus"/>), the per-hardware ones from theirs
/// (<see cref="CurrentScriptSets.Hardware"/>).
/// </summary>
internal static class ScriptStatusJson
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> nameName, ScriptSetStatus? status) =>
        Write(writer, name, nameName, status switch
        {
            ScriptSetStatus.Pending => ScriptStatus.Pending,
            ScriptSetStatus.Running => ScriptStatus.Running,
            ScriptSetStatus.Passed => ScriptStatus.Passed,
            ScriptSetStatus.Failed => ScriptStatus.Failed,
            ScriptSetStatus.Aborted => ScriptStatus.Aborted,
            ScriptSetStatus.Skipped => ScriptStatus.Skipped,
            _ => (ScriptStatus?)null,
        });

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> nameName, ScriptStatus? status)
    {
        writer.WriteNumber(name, status is { } value ? (int)value : -1);
        writer.WriteString(nameName, status?.Label() ?? "Unknown");
    }
}
