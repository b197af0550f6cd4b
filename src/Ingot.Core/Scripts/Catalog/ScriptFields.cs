using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Core.Forms;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>The plain fields of <see cref="ScriptForm"/>: each given one parsed, checked and set.</summary>
internal sealed class ScriptFields(Dictionary<string, JsonNode?> given, FormErrors errors)
{
    private const int MaxLength = 255;

    /// <summary>A node as the text a form field would hold (JSON booleans as Python prints them).</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        _ => node.ToJsonString(),
    };

    public void CheckName(bool creating)
    {
        if (!given.TryGetValue("name", out JsonNode? node))
        {
            if (creating)
            {
                errors.Add("name", FormErrors.Required);
            }

            return;
        }

        string name = Text(node) ?? "";
        if (name.Length == 0)
        {
            errors.Add("name", FormErrors.Required);
            return;
        }

        if (name.Length > MaxLength)
        {
            errors.Add("name", FormErrors.TooLong(MaxLength, name.Length));
        }

        if (name.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("name", "\"none\" is a reserved name.");
        }

        if (name.All(char.IsAsciiDigit))
        {
            errors.Add("name", "Cannot be a number.");
        }

        if (!ScriptForm.ShellSafe().IsMatch(name))
        {
            errors.Add("name", $"Name '{name}' contains disallowed characters, e.g. space or quotes.");
        }
    }

    public void ApplyTo(Script target)
    {
        if (Get("name") is { Length: > 0 } name)
        {
            target.Name = name;
        }

        if (Get("title") is { } title)
        {
            CheckLength("title", title);
            target.Title = title;
        }

        if (Get("description") is { } description)
        {
            target.Description = description;
        }

        if (Get("tags") is { } tags)
        {
            target.Tags = [.. tags.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];
        }

        if (Get("script_type") is { Length: > 0 } type)
        {
            target.Type = ScriptChoices.Type(type, out string? error) ?? Fail("script_type", error!, target.Type);
        }

        if (Get("hardware_type") is { Length: > 0 } hardware)
        {
            target.HardwareType = ScriptChoices.HardwareType(hardware, out string? error) ?? Fail("hardware_type", error!, target.HardwareType);
        }

        if (Get("parallel") is { Length: > 0 } parallel)
        {
            target.Parallel = ScriptChoices.Parallel(parallel, out string? error) ?? Fail("parallel", error!, target.Parallel);
        }

        if (Get("timeout") is { } timeout)
        {
            target.TimeoutSeconds = timeout.Length == 0 ? 0 : ScriptChoices.Duration(timeout) ?? Fail("timeout", "Enter a valid duration.", target.TimeoutSeconds);
        }

        target.Destructive = Bool("destructive") ?? target.Destructive;
        target.MayReboot = Bool("may_reboot") ?? target.MayReboot;
        target.Recommission = Bool("recommission") ?? target.Recommission;
        target.ApplyConfiguredNetworking = Bool("apply_configured_networking") ?? target.ApplyConfiguredNetworking;

        if (Get("for_hardware") is { Length: > 0 } forHardware)
        {
            target.ForHardware = ScriptFieldChecks.ForHardware(forHardware, errors);
        }

        if (Get("packages") is { Length: > 0 } packages
            && ScriptForm.ParseJson("packages", packages, errors) is { } parsed
            && ScriptFieldChecks.Packages(parsed, errors) is { } checkedPackages)
        {
            target.Packages = checkedPackages.ToJsonString();
        }
    }

    private string? Get(string field) => given.TryGetValue(field, out JsonNode? node) ? Text(node) ?? "" : null;

    /// <summary>Django's <c>BooleanField</c>: "false", "0" and "" are false, any other text true.</summary>
    private bool? Bool(string field)
    {
        if (!given.TryGetValue(field, out JsonNode? node))
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        string text = Text(node) ?? "";
        return text.Length > 0 && !text.Equals("false", StringComparison.OrdinalIgnoreCase) && text != "0";
    }

    private void CheckLength(string field, string value)
    {
        if (value.Length > MaxLength)
        {
            errors.Add(field, FormErrors.TooLong(MaxLength, value.Length));
        }
    }

    private T Fail<T>(string field, string message, T keep)
    {
        errors.Add(field, message);
        return keep;
    }
}
