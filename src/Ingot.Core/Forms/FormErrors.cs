using System.Text.RegularExpressions;
using Ingot.Core.Enlistment;

namespace Ingot.Core.Forms;

/// <summary>
/// Collects a Django form's field errors (field name to messages, <c>__all__</c> for the form) and
/// raises them as one <see cref="MachineFormException"/> (MAAS's <c>MAASAPIValidationError(form.errors)</c>,
/// HTTP 400 with the JSON dict). Carries Django's stock field messages, which MAAS shows unchanged.
/// </summary>
public sealed class FormErrors
{
    /// <summary>Django's <c>required</c> message.</summary>
    public const string Required = "This field is required.";

    /// <summary>Django's <c>RegexValidator</c> message.</summary>
    public const string InvalidValue = "Enter a valid value.";

    /// <summary>Django's <c>IntegerField</c> message for a value that is not a whole number.</summary>
    public const string NotWholeNumber = "Enter a whole number.";

    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Whether <paramref name="field"/> already has an error.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>Django's <c>MaxLengthValidator</c> message.</summary>
    public static string TooLong(int max, int length) => $"Ensure this value has at most {max} characters (it has {length}).";

    /// <summary>Django's <c>MinValueValidator</c> message.</summary>
    public static string TooSmall(int min) => $"Ensure this value is greater than or equal to {min}.";

    /// <summary>Django's unique-field message, e.g. "Tag with this Name already exists.".</summary>
    public static string AlreadyExists(string model, string field = "Name") => $"{model} with this {field} already exists.";

    /// <summary>A refusal with one message on one field.</summary>
    public static MachineFormException OnField(string field, string message) =>
        new(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out List<string>? messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>A required name: present, at most <paramref name="maxLength"/> characters, matching <paramref name="pattern"/>.</summary>
    public void CheckName(string field, string? value, int maxLength, Regex pattern)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, Required);
            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, TooLong(maxLength, value.Length));
        }

        if (!pattern.IsMatch(value))
        {
            Add(field, InvalidValue);
        }
    }

    /// <summary>Throws the collected errors, if any.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new MachineFormException(_errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value));
        }
    }
}
