using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>maas-scripts</c>: a tar with <c>index.json</c> (<c>{"1.0": {"commissioning_scripts": [...],
/// "testing_scripts": [...]}}</c>) and each script at the <c>path</c> its entry names
/// (<c>commissioning/&lt;name&gt;</c>, <c>testing/&lt;name&gt;</c>, <c>release/&lt;name&gt;</c>), executable. Built-in and user
/// scripts alike; each entry carries its result's rendered <c>parameters</c>, and a <c>runtime</c>
/// parameter's value is its <c>timeout_seconds</c>.
/// </summary>
internal static class MaasScriptsTar
{
    /// <summary>The tar for a machine's current set (entries carry its result ids and progress).</summary>
    public static byte[] ForSet(ScriptSet set, IReadOnlyList<Script> catalog, DateTime mtime, Machine? machine = null) =>
        Build(set.Kind, set.Results.Select(r => (Resolve(r, catalog), (ScriptResult?)r)), mtime, machine);

    /// <summary>The tar the enlistment environment downloads: every built-in commissioning script, no results.</summary>
    public static byte[] ForEnlistment(DateTime mtime) =>
        Build(ScriptSetKind.Commissioning, ScriptCatalog.BuiltIns.Where(s => s.Type == ScriptType.Commissioning).Select(s => ((Script?)s, (ScriptResult?)null)), mtime);

    private static Script? Resolve(ScriptResult result, IReadOnlyList<Script> catalog) =>
        catalog.FirstOrDefault(s => result.ScriptId is { } id && s.Id == id) ?? catalog.FirstOrDefault(s => s.Name == result.Name);

    /// <summary>Where a set's scripts go in the tar and its index key's prefix (<c>&lt;folder&gt;_scripts</c>).</summary>
    public static string Folder(ScriptSetKind kind) => kind switch
    {
        ScriptSetKind.Testing => "testing",
        ScriptSetKind.Release => "release",
        _ => "commissioning",
    };

    private static byte[] Build(ScriptSetKind kind, IEnumerable<(Script? Script, ScriptResult? Result)> entries, DateTime mtime, Machine? machine = null)
    {
        string folder = Folder(kind);
        var index = new JsonArray();
        var written = new HashSet<string>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Gnu, leaveOpen: true))
        {
            foreach ((Script? script, ScriptResult? result) in entries)
            {
                if (script is null)
                {
                    // A result the machine named itself (no script Ingot knows): nothing to send.
                    continue;
                }

                ScriptVersion version = script.Versions.FirstOrDefault(v => result?.ScriptVersionId is { } id && script.VersionId(v) == id) ?? script.Current;
                string path = $"{folder}/{script.Name}";
                JsonObject entry = Entry(script, version, result, path);
                if (script.Name == WipeDisks.Name && machine is not null)
                {
                    entry["parameters"] = WipeDisksParameters(machine);
                }

                index.Add(entry);
                if (!written.Add(path))
                {
                    // One file per script even when it runs once per disk.
                    continue;
                }

                tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, path)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(version.Data)),
                    Mode = (UnixFileMode)0b111_101_101,
                    ModificationTime = mtime,
                });
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

    private static JsonObject Entry(Script script, ScriptVersion version, ScriptResult? result, string path)
    {
        var parameters = JsonNode.Parse(result?.Parameters ?? "{}") as JsonObject ?? [];
        return new JsonObject
        {
            ["name"] = script.Name,
            ["path"] = path,
            ["script_result_id"] = result?.Id,
            ["script_version_id"] = script.VersionId(version),
            ["timeout_seconds"] = result is null ? script.TimeoutSeconds : ScriptTimeouts.RuntimeParameter(result) ?? script.TimeoutSeconds,
            ["parallel"] = script.Parallel,
            ["hardware_type"] = script.HardwareType,
            ["parameters"] = parameters,
            ["packages"] = JsonNode.Parse(script.Packages),
            ["for_hardware"] = new JsonArray([.. script.ForHardware.Select(h => (JsonNode)h)]),
            ["apply_configured_networking"] = script.ApplyConfiguredNetworking,
            ["has_started"] = result?.Status.HasStarted() ?? false,
            ["has_finished"] = result?.Status.HasFinished() ?? false,
            ["default"] = script.Default,
            ["tags"] = new JsonArray([.. script.Tags.Select(t => (JsonNode)t)]),
        };
    }
}
