using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingot.Core.Forms;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>
/// MAAS's <c>ScriptForm</c> for <c>scripts/</c> create and update: the request's fields merged with
/// the script's embedded metadata (the header fills fields the request did not give; a field given
/// both ways must agree; on update the header's tags and timeout are ignored), each checked with
/// MAAS's message, then applied. A changed text becomes a new version. Refusals are one
/// <see cref="Enlistment.MachineFormException"/> (400, field → messages) and change nothing.
/// </summary>
public static partial class ScriptForm
{
    private const string Overridden = "May not override values defined in embedded YAML.";

    private static readonly string[] s_headerFields =
    [
        "name", "title", "description", "script_type", "hardware_type", "parallel",
        "destructive", "may_reboot", "recommission", "apply_configured_networking",
    ];

    private static readonly string[] s_formFields =
    [
        "name", "title", "description", "tags", "script_type", "hardware_type", "parallel", "packages", "timeout",
        "destructive", "script", "for_hardware", "may_reboot", "recommission", "apply_configured_networking",
    ];

    /// <summary>Checks and applies <paramref name="data"/> (and the script text, when given) to <paramref name="target"/>.</summary>
    /// <param name="target">A new script (<see cref="Script.Versions"/> empty) or a stored one (a copy the caller may discard).</param>
    /// <param name="data">The request's fields (not the script text).</param>
    /// <param name="script">The uploaded script text, or null when none was sent.</param>
    /// <param name="now">The time stamps' time.</param>
    public static void Apply(Script target, IReadOnlyDictionary<string, string> data, string? script, DateTime now)
    {
        bool creating = target.Versions.Count == 0;
        var errors = new FormErrors();
        var given = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach ((string key, string value) in data)
        {
            given[key == "type" && !data.ContainsKey("script_type") ? "script_type" : key] = JsonValue.Create(value);
        }

        if (script is not null)
        {
            given["script"] = JsonValue.Create(script);
        }

        JsonNode? parameters = null;
        JsonNode? results = null;
        if (script is not null)
        {
            script = script.Replace("\r\n", "\n", StringComparison.Ordinal);
            (JsonObject header, IReadOnlyList<string> scriptErrors) = ScriptHeader.Read(script);
            foreach (string message in scriptErrors)
            {
                errors.Add("script", message);
            }

            results = header["results"]?.DeepClone();
            parameters = header["parameters"]?.DeepClone();
            MergeHeader(header, given, creating, errors);
        }

        if (given.TryGetValue("parameters", out JsonNode? parametersText) && parametersText is not null)
        {
            parameters = ParseJson("parameters", ScriptFieldChecks.StringOf(parametersText) ?? parametersText.ToJsonString(), errors);
        }

        if (target.Default)
        {
            foreach (string field in s_formFields.Where(given.ContainsKey))
            {
                errors.Add(field, "Not allowed to change on default scripts.");
            }
        }

        var fields = new ScriptFields(given, errors);
        fields.CheckName(creating);
        if (creating && script is null)
        {
            errors.Add("script", FormErrors.Required);
        }

        if (given.ContainsKey("comment") && script is null)
        {
            errors.Add("comment", "\"comment\" may only be used when specifying a \"script\" as well.");
        }

        if (parameters is not null)
        {
            ScriptFieldChecks.Parameters(parameters, errors);
        }

        ScriptFieldChecks.Results(results, errors);
        fields.ApplyTo(target);
        errors.ThrowIfAny();

        if (parameters is not null)
        {
            target.Parameters = parameters.ToJsonString();
        }

        if (results is not null)
        {
            target.Results = results.ToJsonString();
        }

        target.Updated = now;
        if (creating)
        {
            target.Created = now;
        }

        if (script is not null && (creating || script != target.Current.Data))
        {
            target.Versions.Add(new ScriptVersion { Data = script, Comment = data.GetValueOrDefault("comment"), Created = now });
        }

        target.NormaliseTags();
    }

    /// <summary><c>_clean_script</c>: header values fill the form; tags and timeout only when creating.</summary>
    private static void MergeHeader(JsonObject header, Dictionary<string, JsonNode?> given, bool creating, FormErrors errors)
    {
        if (header["tags"] is { } tags && creating && !given.ContainsKey("tags"))
        {
            string? text = tags is JsonArray list && list.All(t => ScriptFieldChecks.StringOf(t) is not null)
                ? string.Join(',', list.Select(t => ScriptFieldChecks.StringOf(t)))
                : ScriptFieldChecks.StringOf(tags);
            if (text is null)
            {
                errors.Add("tags", "Embedded tags must be a string of comma seperated values, or a list of strings.");
            }
            else
            {
                given["tags"] = JsonValue.Create(text);
            }
        }

        if (header["timeout"] is { } timeout && creating && !given.ContainsKey("timeout"))
        {
            given["timeout"] = JsonValue.Create(ScriptFieldChecks.StringOf(timeout) ?? timeout.ToJsonString());
        }

        foreach (string key in (string[])["packages", "for_hardware"])
        {
            if (header[key] is { } value && !given.ContainsKey(key))
            {
                given[key] = JsonValue.Create(value.ToJsonString());
            }
        }

        foreach (string key in s_headerFields)
        {
            if (!header.TryGetPropertyValue(key, out JsonNode? value))
            {
                continue;
            }

            if (!given.TryGetValue(key, out JsonNode? formValue))
            {
                given[key] = value?.DeepClone();
            }
            else if (!Agrees(key, value, formValue))
            {
                errors.Add(key, Overridden);
            }
        }
    }

    private static bool Agrees(string key, JsonNode? header, JsonNode? form)
    {
        string a = ScriptFields.Text(header) ?? "";
        string b = ScriptFields.Text(form) ?? "";
        if (key == "script_type")
        {
            return ScriptChoices.Type(a, out _) is { } x && ScriptChoices.Type(b, out _) == x;
        }

        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    internal static JsonNode? ParseJson(string field, string text, FormErrors errors)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            errors.Add(field, "Enter a valid JSON.");
            return null;
        }
    }

    /// <summary>The characters Python's <c>shlex.quote</c> leaves unquoted.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+$")]
    internal static partial Regex ShellSafe();
}
