using System.Globalization;
using System.Text.Json;

namespace Ingot.Core.Inventory;

/// <summary>
/// Tolerant reads of a JSON object's fields: a missing field, a null or a value of the wrong kind
/// reads as empty (0, "", false, no elements), never as an exception. Numbers given as text are read.
/// </summary>
internal static class JsonFields
{
    public static JsonElement Object(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Object ? v : default;

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray()
            : [];

    public static IEnumerable<JsonProperty> Properties(this JsonElement e) =>
        e.ValueKind == JsonValueKind.Object ? e.EnumerateObject() : [];

    public static bool Has(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;

    public static string String(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out JsonElement v))
        {
            return "";
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number => v.GetRawText(),
            _ => "",
        };
    }

    public static long Long(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out JsonElement v))
        {
            return 0;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.TryGetInt64(out long l) ? l : v.TryGetDouble(out double d) && d is >= long.MinValue and <= long.MaxValue ? (long)d : 0;
        }

        return v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : 0;
    }

    public static int Int(this JsonElement e, string name) => (int)Math.Clamp(e.Long(name), int.MinValue, int.MaxValue);

    public static bool Bool(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<string> Strings(this JsonElement e, string name) =>
        [.. e.Array(name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
}
