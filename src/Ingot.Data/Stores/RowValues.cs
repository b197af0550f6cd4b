using System.Collections.Frozen;
using System.Data.Common;
using System.Text.Json;

namespace Ingot.Data.Stores;

/// <summary>
/// Column values read straight from a <see cref="DbDataReader"/> the way the EF model stores them
/// (IngotDbContext's conventions): enums as their names, instants as UTC, string lists as a JSON
/// array (SQLite) or a <c>text[]</c> (PostgreSQL), string maps as a JSON object.
/// </summary>
internal static class RowValues
{
    public static string? NullableText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>An instant; stored as UTC, so read back with <see cref="DateTimeKind.Utc"/> (UtcDateTimeConverter).</summary>
    public static DateTime Instant(DbDataReader reader, int ordinal) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    public static DateTime? NullableInstant(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Instant(reader, ordinal);

    /// <summary>An enum stored by name.</summary>
    public static TEnum Enum<TEnum>(DbDataReader reader, int ordinal)
        where TEnum : struct, Enum => EnumNames<TEnum>.Parse(reader.GetString(ordinal));

    public static TEnum? NullableEnum<TEnum>(DbDataReader reader, int ordinal)
        where TEnum : struct, Enum => reader.IsDBNull(ordinal) ? null : Enum<TEnum>(reader, ordinal);

    /// <summary>A list of strings: a JSON array in SQLite, a <c>text[]</c> in PostgreSQL.</summary>
    public static List<string> Strings(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        string[] array => [.. array],
        "[]" => [],
        string json => JsonSerializer.Deserialize<List<string>>(json) ?? [],
        var other => throw new InvalidOperationException($"Unexpected string-list column value of type {other.GetType()}."),
    };

    /// <summary>A string map stored as a JSON object (OwnerDataConverter).</summary>
    public static Dictionary<string, string> StringMap(DbDataReader reader, int ordinal)
    {
        string json = reader.GetString(ordinal);
        return json == "{}" ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }

    /// <summary>Enum names to values: the exact name EF wrote, else as EF's string-enum converter reads (TryParse, else default).</summary>
    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> s_byName =
            System.Enum.GetValues<TEnum>().DistinctBy(v => v.ToString()).ToFrozenDictionary(v => v.ToString(), StringComparer.Ordinal);

        public static TEnum Parse(string name) => s_byName.TryGetValue(name, out TEnum value) ? value
            : System.Enum.TryParse(name, out TEnum parsed) ? parsed
            : default;
    }
}
