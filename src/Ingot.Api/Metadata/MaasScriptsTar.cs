using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Core.Machines;
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
    public static byte[] ForSet(ScriptSet set, DateTime mtime, Machine? machine = null) =>
        Build(set.Kind, set.Results.Select(r => (BuiltInScripts.Find(r.Name), (ScriptResult?)r)), mtime, machine);

    /// <summary>The tar the enlistment environment downloads: every built-in commissioning script, no results.</summary>
    public static byte[] ForEnlistment(DateTime mtime) =>
        Build(ScriptSetKind.Commissioning, BuiltInScripts.DefaultFor(ScriptSetKind.Commissioning).Select(s => ((BuiltInScript?)s, (ScriptResult?)null)), mtime);

    /// <summary>Where a set's scripts go in the tar and its index key's prefix (<c>&lt;folder&gt;_scripts</c>).</summary>
    public static string Folder(ScriptSetKind kind) => kind switch
    {
        ScriptSetKind.Testing => "testing",
        ScriptSetKind.Release => "release",
        _ => "commissioning",
    };

    private static byte[] Build(ScriptSetKind kind, IEnumerable<(BuiltInScript? Script, ScriptResult? Result)> entries, DateTime mtime, Machine? machine = null)
    {
        string folder = Folder(kind);
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
                JsonObject entry = Entry(script, result, path);
                if (script.Name == WipeDisks.Name && machine is not null)
                {
                    entry["parameters"] = WipeDisksParameters(machine);
                }

                index.Add(entry);
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

    /// <summary>MAAS's two boolean inputs of <c>wipe-disks</c>, with this erase's values.</summary>
    private static JsonObject WipeDisksParameters(Machine machine) => new()
    {
        ["secure_erase"] = new JsonObject { ["type"] = "boolean", ["value"] = machine.SecureErase, ["argument_format"] = WipeDisks.SecureEraseArgument },
        ["quick_erase"] = new JsonObject { ["type"] = "boolean", ["value"] = machine.QuickErase, ["argument_format"] = WipeDisks.QuickEraseArgument },
    };

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
