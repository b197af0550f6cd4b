namespace Ingot.Api.Wire;

/// <summary>
/// Request parameters as MAAS (Django's <c>QueryDict</c>) sees them: keys in arrival order, a key
/// may repeat (lists are repeated keys, <c>tags=a&amp;tags=b</c>), <see cref="Get"/> returns the
/// last value and <see cref="GetAll"/> every value.
/// </summary>
public sealed class ApiParameters
{
    private static readonly string[] s_true = ["true", "yes", "on", "1"];
    private static readonly string[] s_false = ["false", "no", "off", "0"];

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public ApiParameters(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        foreach ((string key, string value) in pairs)
        {
            if (!_values.TryGetValue(key, out List<string>? list))
            {
                _values[key] = list = [];
                _keys.Add(key);
            }

            list.Add(value);
        }
    }

    public static ApiParameters Empty { get; } = new([]);

    /// <summary>The distinct keys, in the order they first arrived.</summary>
    public IReadOnlyList<string> Keys => _keys;

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The last value of <paramref name="name"/>, or null when absent (Django's <c>QueryDict.get</c>).</summary>
    public string? Get(string name) => _values.TryGetValue(name, out List<string>? list) ? list[^1] : null;

    /// <summary>Every value of <paramref name="name"/>, in order (Django's <c>QueryDict.getlist</c>).</summary>
    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out List<string>? list) ? list : [];

    /// <summary>MAAS's <c>get_mandatory_param</c>: a missing or empty value is 400 <c>No provided &lt;name&gt;!</c>.</summary>
    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw ApiException.BadRequest($"No provided {name}!");

    /// <summary>
    /// A boolean as MAAS's <c>StringBool</c> reads it (<c>true/false/yes/no/on/off/1/0</c>, any case);
    /// <paramref name="fallback"/> when absent or empty; anything else is a 400 form error on the field.
    /// </summary>
    public bool GetBool(string name, bool fallback) => GetOptionalBool(name) ?? fallback;

    /// <summary>A boolean as <see cref="GetBool"/> reads it; null when absent or empty (the caller's default applies).</summary>
    public bool? GetOptionalBool(string name)
    {
        string? value = Get(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (s_true.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return s_false.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? false
            : throw ApiValidationException.Field(name, $"'{value}' is not a valid boolean value.");
    }
}
