using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ingot.Data.Model;

/// <summary>A string-to-string map (a machine's owner data, its hardware_info) as a JSON object in one column.</summary>
internal sealed class OwnerDataConverter() : ValueConverter<Dictionary<string, string>, string>(
    v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
    v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>())
{
    /// <summary>Compares by content, so changing a key is a change to save.</summary>
    public static ValueComparer<Dictionary<string, string>> Comparer { get; } = new(
        (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
        v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.Key.GetHashCode(StringComparison.Ordinal), e.Value.GetHashCode(StringComparison.Ordinal))),
        v => new Dictionary<string, string>(v));
}
