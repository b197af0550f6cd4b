using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>maas-scripts</c>: a tar with <c>index.json</c> (<c>{"1.0": {"commissioning_scripts": [...],
/// "testing_scripts": [...]}}</c>) and each script at the <c>path</c> its entry names
/// (<c>commissioning/&lt;name&gt;</c>, <c>testing/&lt;name&gt;</c>), executable.
/// </summary>
internal static class MaasScriptsTar
{
    /// <summary>The tar for a machine's current set (entries carry its result ids and progress).</summary>
    public static byte[] ForSet(ScriptSet set, DateTime mtime) =>
        Build(set.Kind, set.Results.Select(r => (BuiltInScripts.Find(r.Name), (ScriptResult?)r)), mtime);

    /// <summary>The tar the enlistment environment downloads: every built-in commissioning script, no results.</summary>
    public static byte[] ForEnlistment(DateTime mtime) =>
        Build(ScriptSetKind.Commissioning, BuiltInScripts.DefaultFor(ScriptSetKind.Commissioning).Select(s => ((BuiltInScript?)s, (ScriptResult?)null)), mtime);

    private static byte[] Build(ScriptSetKind kind, IEnumerable<(BuiltInScript? Script, ScriptResult? Result)> entries, DateTime mtime)
    {
        string folder = kind == ScriptSetKind.Testing ? "testing" : "commissioning";
        var index = new JsonArray();
        using var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Gnu, leaveOpen: true))
        {
            foreach ((BuiltInScript? script, ScriptResult? result) in entries)
            {
                if (script is null)
                {
                    // A result the machine named itself (no script Ingot knows): nothing to send.
                    continue;
                }

                string path = $"{folder}/{script.Name}";
                index.Add(Entry(script, result, path));
                var file = new GnuTarEntry(TarEntryType.RegularFile, path)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(script.Body)),
                    Mode = (UnixFileMode)0b111_101_101,
                    ModificationTime = mtime,
                };
                tar.WriteEntry(file);
            }

            var meta = new JsonObject { ["1.0"] = new JsonObject { [$"{folder}_scripts"] = index } };
            tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, "index.json")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(meta.ToJsonString())),
                Mode = (UnixFileMode)0b110_100_100,
                ModificationTime = mtime,
            });
        }

        return stream.ToArray();
    }

    private static JsonObject Entry(BuiltInScript script, ScriptResult? result, string path) => new()
    {
        ["name"] = script.Name,
        ["path"] = path,
        ["script_result_id"] = result?.Id,
        ["script_version_id"] = result?.ScriptVersionId ?? script.Id,
        ["timeout_seconds"] = script.TimeoutSeconds,
        ["parallel"] = script.Parallel,
        ["hardware_type"] = script.HardwareType,
        ["parameters"] = new JsonObject(),
        ["packages"] = new JsonObject(),
        ["for_hardware"] = new JsonArray(),
        ["apply_configured_networking"] = false,
        ["has_started"] = result?.Status.HasStarted() ?? false,
        ["has_finished"] = result?.Status.HasFinished() ?? false,
        ["default"] = script.IsDefault,
        ["tags"] = new JsonArray([.. script.Tags.Select(t => (JsonNode)t)]),
    };
}
