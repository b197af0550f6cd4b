using Ingot.Core.Power;

namespace Ingot.Power;

/// <summary>
/// What a driver acts on: the machine's system_id and its power parameters, read through the driver's
/// schema so that a parameter left unset takes MAAS's default.
/// </summary>
public sealed class PowerContext(string systemId, PowerTypeSchema schema, IReadOnlyDictionary<string, string> parameters)
{
    public string SystemId { get; } = systemId;

    public PowerTypeSchema Schema { get; } = schema;

    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    /// <summary>The parameter's value, or the field's default when unset or blank ("" when neither).</summary>
    public string Get(string name)
    {
        if (Parameters.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        return Schema.Field(name) is { } field ? (field.IsMultipleChoice ? string.Join(',', field.DefaultChoices) : field.Default) : "";
    }

    /// <summary>A multiple-choice parameter as its values (the default when unset).</summary>
    public IReadOnlyList<string> GetList(string name) =>
        Parameters.TryGetValue(name, out string? value)
            ? PowerParameterCheck.SplitList(value)
            : Schema.Field(name)?.DefaultChoices ?? [];

    /// <summary>The parameter, or a <see cref="PowerErrorKind.Setting"/> error when it has no value.</summary>
    public string Require(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new PowerException(PowerErrorKind.Setting, $"{name} is required.");
}
