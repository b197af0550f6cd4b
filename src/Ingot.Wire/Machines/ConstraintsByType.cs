using System.Text.Json;

namespace Ingot.Wire.Machines;

/// <summary>
/// The <c>constraints_by_type</c> of an <c>op=allocate</c> response (maas-api.md §4.3, §7.1): which of
/// the machine's block devices/partitions and interfaces matched each labelled <c>storage</c> and
/// <c>interfaces</c> constraint. <c>{}</c> when neither was given; a kind appears only when given.
/// gomaasapi requires the key and checks that every id exists in the returned machine. With <c>verbose</c>,
/// <c>verbose_storage</c> (machine id → block device id → label) and <c>verbose_interfaces</c> (label →
/// machine id → interface ids) follow, always both, as MAAS adds them: the matches on every candidate.
/// </summary>
public sealed record ConstraintsByType
{
    /// <summary>No storage or interface constraints: <c>{}</c>.</summary>
    public static ConstraintsByType None { get; } = new();

    /// <summary>Storage label → matches, or null when no storage constraint was given.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StorageMatch>>? Storage { get; init; }

    /// <summary>Interface label → interface ids, or null when no interfaces constraint was given.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<long>>? Interfaces { get; init; }

    /// <summary>Machine id → block device id → storage label, or null without <c>verbose</c>.</summary>
    public IReadOnlyDictionary<long, IReadOnlyDictionary<long, string>>? VerboseStorage { get; init; }

    /// <summary>Interface label → machine id → interface ids, or null without <c>verbose</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<long, IReadOnlyList<long>>>? VerboseInterfaces { get; init; }

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

        if (VerboseStorage is not null && VerboseInterfaces is not null)
        {
            WriteVerbose(writer, VerboseStorage, VerboseInterfaces);
        }

        writer.WriteEndObject();
    }

    private static void WriteVerbose(
        Utf8JsonWriter writer,
        IReadOnlyDictionary<long, IReadOnlyDictionary<long, string>> storage,
        IReadOnlyDictionary<string, IReadOnlyDictionary<long, IReadOnlyList<long>>> interfaces)
    {
        writer.WriteStartObject("verbose_storage"u8);
        foreach ((long machineId, IReadOnlyDictionary<long, string> labels) in storage)
        {
            writer.WriteStartObject(Key(machineId));
            foreach ((long deviceId, string label) in labels)
            {
                writer.WriteString(Key(deviceId), label);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("verbose_interfaces"u8);
        foreach ((string label, IReadOnlyDictionary<long, IReadOnlyList<long>> byMachine) in interfaces)
        {
            writer.WriteStartObject(label);
            foreach ((long machineId, IReadOnlyList<long> ids) in byMachine)
            {
                writer.WriteStartArray(Key(machineId));
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

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
