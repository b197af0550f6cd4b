using System.Text.Json;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;

namespace Ingot.Core.Power;

/// <summary>
/// Checks a machine's <c>power_type</c> and <c>power_parameters</c> against the driver's schema, as
/// MAAS's power form does: the type must be one Ingot has; unless <c>power_parameters_skip_check</c>,
/// required fields need a value (or a default), choices must be among the field's choices, MACs must
/// parse and unknown names are refused. Returns the parameters normalised (multiple-choice values
/// comma-joined, MACs in MAAS's form).
/// </summary>
public static class PowerParameterCheck
{
    public const string PowerTypeField = "power_type";
    public const string ParametersField = "power_parameters";

    /// <summary>Django's <c>ChoiceField</c> message.</summary>
    public static string InvalidChoice(string value) => $"Select a valid choice. {value} is not one of the available choices.";

    public static string Missing(string name) => $"{name}: {FormErrors.Required}";

    public static string Unknown(IEnumerable<string> names) => $"Unknown parameter(s): {string.Join(", ", names)}.";

    public static Dictionary<string, string> Check(
        PowerTypeCatalog catalog, string powerType, IReadOnlyDictionary<string, string> parameters, bool skipCheck, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(errors);
        var result = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        if (powerType.Length == 0)
        {
            return result;
        }

        if (catalog.Find(powerType) is not { } schema)
        {
            errors.Add(PowerTypeField, InvalidChoice(powerType));
            return result;
        }

        if (skipCheck)
        {
            return result;
        }

        string[] unknown = [.. parameters.Keys.Where(k => schema.Field(k) is null).Order(StringComparer.Ordinal)];
        if (unknown.Length > 0)
        {
            errors.Add(ParametersField, Unknown(unknown));
        }

        foreach (PowerParameterField field in schema.Fields)
        {
            string value = parameters.GetValueOrDefault(field.Name, "");
            if (value.Length == 0)
            {
                if (field.Required && field.Default.Length == 0)
                {
                    errors.Add(ParametersField, Missing(field.Name));
                }

                continue;
            }

            if (Normalise(field, value, errors) is { } normalised)
            {
                result[field.Name] = normalised;
            }
        }

        return result;
    }

    private static string? Normalise(PowerParameterField field, string value, FormErrors errors)
    {
        switch (field.FieldType)
        {
            case PowerFieldTypes.Choice:
                if (!field.Choices.Any(c => c.Value == value))
                {
                    errors.Add(ParametersField, $"{field.Name}: {InvalidChoice(value)}");
                    return null;
                }

                return value;
            case PowerFieldTypes.MultipleChoice:
                string[] values = SplitList(value);
                foreach (string v in values.Where(v => !field.Choices.Any(c => c.Value == v)))
                {
                    errors.Add(ParametersField, $"{field.Name}: {InvalidChoice(v)}");
                    return null;
                }

                return string.Join(',', values);
            case PowerFieldTypes.MacAddress:
                if (!MacAddress.TryParse(value, out MacAddress mac))
                {
                    errors.Add(ParametersField, $"{field.Name}: '{value}' is not a valid MAC address.");
                    return null;
                }

                return mac.ToString();
            default:
                return value;
        }
    }

    /// <summary>A multiple-choice value: a JSON array (as enlistment sends it) or a comma-separated list.</summary>
    public static string[] SplitList(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith('['))
        {
            try
            {
                return [.. JsonSerializer.Deserialize<string[]>(value) ?? []];
            }
            catch (JsonException)
            {
                return [value];
            }
        }

        return value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
