using System.Text.Json;

namespace Ingot.Wire.Machines;

/// <summary>
/// The <c>constraints_by_type</c> of an <c>op=allocate</c> response (maas-api.md §4.3, §7.1): which of
/// the machine's block devices/partitions and interfaces matched each labelled <c>storage</c> and
/// <c>interfaces</c> constraint. <c>{}</c> when neither was given; a kind appears only when given.
/// gomaasapi requires the key and checks that every id exists in the returned machine.
/// </summary>
public sealed record ConstraintsByType
{
    /// <summary>No storage or interface constraints: <c>{}</c>.</summary>
    public static ConstraintsByType None { get; } = new();

    /// <summary>Storage label → matches, or null when no storage constraint was given.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StorageMatch>>? Storage { get; init; }

    /// <summary>Interface label → interface ids, or null when no interfaces constraint was given.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<long>>? Interfaces { get; init; }

    /// <summary>Writes the object (the value of the <c>constraints_by_type</c> key).</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Storage is not null)
        {
            writer.WriteStartObject("storage"u8);
            foreach ((string label, IReadOnlyList<StorageMatch> matches) in Storage)
            {
                writer.WriteStartArray(label);
                foreach (StorageMatch match in matches)
                {
                    if (match.IsPartition)
                    {
                        writer.WriteStringValue($"partition:{match.Id}");
                    }
                    else
                    {
                        writer.WriteNumberValue(match.Id);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        if (Interfaces is not null)
        {
            writer.WriteStartObject("interfaces"u8);
            foreach ((string label, IReadOnlyList<long> ids) in Interfaces)
            {
                writer.WriteStartArray(label);
                foreach (long id in ids)
                {
                    writer.WriteNumberValue(id);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
