using System.Text.Json.Nodes;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Core.Scripts;

/// <summary>
/// MAAS's <c>ParametersForm</c> input side: each of a script's parameters gets the value this run
/// uses (the request's <c>&lt;script&gt;_&lt;param&gt;</c> or <c>&lt;param&gt;</c>, else its default:
/// <c>runtime</c> the script's timeout, <c>storage</c>/<c>interface</c> <c>all</c>, others their
/// <c>default</c> when set). A <c>storage</c> value of <c>all</c> becomes one parameter set per
/// physical disk of the machine (<c>{name, id_path, model, serial, physical_blockdevice_id}</c>),
/// or stays <c>all</c> as MAAS's placeholder while the machine has no disks yet.
/// </summary>
public static class ScriptParameters
{
    /// <summary>One JSON object per result the script gets (usually one).</summary>
    public static IReadOnlyList<string> Render(Script script, Machine machine, IReadOnlyDictionary<string, string> input)
    {
        if (JsonNode.Parse(script.Parameters) is not JsonObject parameters || parameters.Count == 0)
        {
            return ["{}"];
        }

        var single = new JsonObject();
        string? storageParam = null;
        foreach ((string name, JsonNode? node) in parameters)
        {
            if (node is not JsonObject fields)
            {
                continue;
            }

            string type = fields["type"]?.GetValue<string>() ?? "";
            JsonNode? given = input.TryGetValue($"{script.Name}_{name}", out string? specific) ? JsonValue.Create(specific)
                : input.TryGetValue(name, out string? shared) ? JsonValue.Create(shared) : null;
            JsonNode? value = given ?? type switch
            {
                "runtime" => fields["default"]?.DeepClone() ?? JsonValue.Create(script.TimeoutSeconds),
                "storage" or "interface" => fields["default"]?.DeepClone() ?? JsonValue.Create("all"),
                _ => fields["default"]?.DeepClone(),
            };
            if (value is null)
            {
                continue;
            }

            if (type == "runtime" && value is JsonValue text && text.TryGetValue(out string? digits) && int.TryParse(digits, out int seconds))
            {
                value = JsonValue.Create(seconds);
            }

            var rendered = (JsonObject)fields.DeepClone();
            rendered["value"] = value;
            single[name] = rendered;
            if (type == "storage" && value is JsonValue v && v.TryGetValue(out string? all) && all == "all")
            {
                storageParam = name;
            }
        }

        List<BlockDevice> disks = [.. machine.BlockDevices];
        if (storageParam is null || disks.Count == 0)
        {
            return [single.ToJsonString()];
        }

        return [.. disks.Select(disk =>
        {
            var copy = (JsonObject)single.DeepClone();
            copy[storageParam]!["value"] = new JsonObject
            {
                ["name"] = disk.Name,
                ["id_path"] = disk.IdPath,
                ["model"] = disk.Model,
                ["serial"] = disk.Serial,
                ["physical_blockdevice_id"] = disk.Id,
            };
            return copy.ToJsonString();
        })];
    }
}
