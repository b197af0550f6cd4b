namespace Ingot.Core.Power;

/// <summary>
/// One power parameter a driver takes, as MAAS's <c>make_setting_field</c> describes it: name, label,
/// field type, whether it is required, its default (a list for multiple-choice fields), its choices,
/// its scope (BMC or node) and whether it is a secret (passwords, keys, tokens).
/// </summary>
public sealed record PowerParameterField(string Name, string Label)
{
    public string FieldType { get; init; } = PowerFieldTypes.Text;

    public bool Required { get; init; }

    /// <summary>The default of a single-valued field; "" when none.</summary>
    public string Default { get; init; } = "";

    /// <summary>The default of a multiple-choice field.</summary>
    public IReadOnlyList<string> DefaultChoices { get; init; } = [];

    public IReadOnlyList<PowerParameterChoice> Choices { get; init; } = [];

    public PowerParameterScope Scope { get; init; } = PowerParameterScope.Bmc;

    public bool Secret { get; init; }

    public bool IsMultipleChoice => FieldType == PowerFieldTypes.MultipleChoice;

    /// <summary>A secret password field (<c>field_type="password"</c>, <c>secret=True</c>).</summary>
    public static PowerParameterField Password(string name, string label, bool required = false) =>
        new(name, label) { FieldType = PowerFieldTypes.Password, Secret = true, Required = required };

    /// <summary>A choice field from <c>(value, label)</c> pairs.</summary>
    public static PowerParameterField Choice(string name, string label, string @default, params (string Value, string Label)[] choices) =>
        new(name, label)
        {
            FieldType = PowerFieldTypes.Choice,
            Default = @default,
            Choices = [.. choices.Select(c => new PowerParameterChoice(c.Value, c.Label))],
        };
}
