using System.Globalization;

namespace Ingot.Core.Networks;

/// <summary>The fields of a network request by MAAS's parameter names (lists are repeated keys).</summary>
public sealed class NetworkForm(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
{
    public static NetworkForm Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public bool Has(string name) => fields.ContainsKey(name);

    public string? Get(string name) => fields.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => fields.TryGetValue(name, out IReadOnlyList<string>? values) ? values : [];

    /// <summary>Django's <c>BooleanField</c>: <c>false</c>, <c>0</c> and empty are false, anything else true.</summary>
    public bool? Bool(string name) => Get(name) is { } value
        ? value.Trim().ToLowerInvariant() is not ("false" or "0" or "f" or "no" or "off" or "")
        : null;

    /// <summary>An integer field; a value that is not one adds Django's message to <paramref name="errors"/>.</summary>
    public int? Number(string name, Forms.FormErrors errors)
    {
        if (Get(name) is not { } text || text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        errors.Add(name, Forms.FormErrors.NotWholeNumber);
        return null;
    }
}
