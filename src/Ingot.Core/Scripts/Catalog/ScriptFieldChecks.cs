using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingot.Core.Forms;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>
/// The checks of <c>ScriptForm</c> on its structured fields, with MAAS's messages: <c>parameters</c>
/// (<c>ParametersForm.clean_parameters</c>), <c>results</c>, <c>packages</c> and <c>for_hardware</c>.
/// </summary>
public static partial class ScriptFieldChecks
{
    public static void Parameters(JsonNode? parameters, FormErrors errors)
    {
        if (parameters is not JsonObject map)
        {
            errors.Add("parameters", "Must be a dictionary");
            return;
        }

        foreach ((string name, JsonNode? node) in map)
        {
            if (node is not JsonObject fields)
            {
                errors.Add("parameters", $"{name}: parameter must be a dictionary");
                continue;
            }

            string? type = StringOf(fields["type"]);
            if (fields["type"] is not null && type is null)
            {
                errors.Add("parameters", $"{fields["type"]?.ToJsonString()}: type must be a string");
            }

            foreach (string key in (string[])["min", "max"])
            {
                if (fields[key] is { } value && !IsInteger(value))
                {
                    errors.Add("parameters", $"{value.ToJsonString()}: {key} must be an integer");
                }
            }

            foreach (string key in (string[])["title", "description", "argument_format", "default"])
            {
                if (fields[key] is { } value && StringOf(value) is null && !(key == "default" && type == "runtime" && IsInteger(value)))
                {
                    errors.Add("parameters", $"{value.ToJsonString()}: {key} must be a string");
                }
            }

            bool required = true;
            if (fields["required"] is { } req)
            {
                if (req.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    required = req.GetValue<bool>();
                }
                else
                {
                    errors.Add("parameters", $"{req.ToJsonString()}: required must be a boolean");
                }
            }

            if (fields["allow_list"] is { } allow)
            {
                if (allow.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add("parameters", $"{allow.ToJsonString()}: allow_list must be a boolean");
                }

                if (type != "url")
                {
                    errors.Add("parameters", "allow_list only supported with the url type.");
                }
            }

            if (type is not ("storage" or "interface" or "url" or "runtime") && required)
            {
                errors.Add("parameters", $"{type ?? "None"}: type must be either storage, interface, url, or runtime");
            }

            long? min = IntOf(fields["min"]);
            long? max = IntOf(fields["max"]);
            if (type is "storage" or "interface" or "url" && (fields["min"] is not null || fields["max"] is not null))
            {
                errors.Add("parameters", "Type doesn't support min or max");
            }

            if (type == "runtime" && min < 0)
            {
                errors.Add("parameters", "runtime minimum must be greater than zero");
            }

            if (min > max)
            {
                errors.Add("parameters", "min must be less than max");
            }

            if (StringOf(fields["argument_format"]) is { } format)
            {
                CheckArgumentFormat(type, format, errors);
            }
        }
    }

    /// <summary>
    /// <c>ScriptForm._validate_results</c>: a list of strings, or a dictionary of dictionaries each
    /// with a string <c>title</c> (and string <c>description</c>).
    /// </summary>
    public static void Results(JsonNode? results, FormErrors errors)
    {
        switch (results)
        {
            case null:
                return;
            case JsonArray list:
                if (list.Any(r => StringOf(r) is null))
                {
                    errors.Add("results", "Each result in a result list must be a string.");
                }

                return;
            case JsonObject map:
                foreach (JsonNode? result in map.Select(kv => kv.Value))
                {
                    if (result is not JsonObject fields)
                    {
                        errors.Add("results", "Each result in a result dictionary must be a dictionary.");
                    }
                    else if (!fields.ContainsKey("title"))
                    {
                        errors.Add("results", "title must be included in a result dictionary.");
                    }
                    else
                    {
                        foreach (string key in (string[])["title", "description"])
                        {
                            if (fields[key] is { } value && StringOf(value) is null)
                            {
                                errors.Add("results", $"{key} must be a string.");
                            }
                        }
                    }
                }

                return;
            default:
                errors.Add("results", "results must be a list of strings or a dictionary of dictionaries.");
                return;
        }
    }

    /// <summary><c>clean_packages</c>: a JSON object whose <c>apt</c>/<c>snap</c>/<c>url</c> entries become lists of strings.</summary>
    public static JsonObject? Packages(JsonNode? packages, FormErrors errors)
    {
        if (packages is not JsonObject map)
        {
            errors.Add("packages", "Packages must be a dictionary.");
            return null;
        }

        foreach (string key in (string[])["apt", "snap", "url"])
        {
            if (map[key] is { } value && value is not JsonArray)
            {
                map[key] = new JsonArray(value.DeepClone());
            }

            foreach (JsonNode? package in map[key] as JsonArray ?? [])
            {
                bool ok = StringOf(package) is not null || (key == "snap" && package is JsonObject snap && StringOf(snap["name"]) is not null);
                if (!ok)
                {
                    errors.Add("packages", key == "snap" ? "Snap package name must be defined." : $"Each {key} package must be a string.");
                }
            }
        }

        return map;
    }

    /// <summary><c>clean_for_hardware</c>: a JSON list or comma-separated text of hardware identifiers.</summary>
    public static List<string> ForHardware(string text, FormErrors errors)
    {
        List<string> ids;
        try
        {
            JsonNode? node = JsonNode.Parse(text);
            ids = node switch
            {
                JsonArray list => [.. list.Select(n => StringOf(n) ?? n?.ToJsonString() ?? "")],
                _ when StringOf(node) is { } s => [.. s.Split(',')],
                _ => [],
            };
            if (node is not JsonArray && StringOf(node) is null)
            {
                errors.Add("for_hardware", "Must be a list or string");
                return [];
            }
        }
        catch (JsonException)
        {
            ids = [.. text.Split(',')];
        }

        foreach (string id in ids.Where(id => !HardwareId().IsMatch(id)))
        {
            errors.Add("for_hardware", $"Hardware identifier '{id}' must be a modalias, PCI ID, USB ID, system vendor, system product, system version, mainboard vendor, or mainboard product.");
        }

        return ids;
    }

    internal static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    internal static long? IntOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long n) ? n : null;

    private static bool IsInteger(JsonNode node) => IntOf(node) is not null;

    private static void CheckArgumentFormat(string? type, string format, FormErrors errors)
    {
        string[] allowed = type switch
        {
            "storage" => ["{input}", "{name}", "{path}", "{model}", "{serial}"],
            "interface" => ["{input}", "{name}", "{mac}", "{vendor}", "{product}"],
            _ => ["{input}"],
        };
        if (!allowed.Any(a => format.Contains(a, StringComparison.Ordinal)))
        {
            errors.Add("parameters", allowed.Length == 1
                ? $"{type}: argument_format must contain {{input}}"
                : $"{type}: argument_format must contain one of {string.Join(", ", allowed)}");
        }
    }

    [GeneratedRegex(@"^modalias:.+|pci:[\da-f]{4}:[\da-f]{4}|usb:[\da-f]{4}:[\da-f]{4}|system_vendor:.*|system_product:.*|system_version:.*|mainboard_vendor:.*|mainboard_product:.*$", RegexOptions.IgnoreCase)]
    private static partial Regex HardwareId();
}
