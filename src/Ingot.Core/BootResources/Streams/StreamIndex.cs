using System.Text.Json;

namespace Ingot.Core.BootResources.Streams;

/// <summary>
/// A simplestreams index (<c>streams/v1/index.json</c>, format <c>index:1.0</c>): the product files it lists
/// with the <c>image-downloads</c> datatype, by content id, with their paths relative to the mirror's root.
/// </summary>
public static class StreamIndex
{
    public sealed record Entry(string ContentId, string Path);

    /// <summary>The image-download product files of the index; throws <see cref="StreamFormatException"/> when it is not an index.</summary>
    public static IReadOnlyList<Entry> Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("index", out JsonElement index) || index.ValueKind != JsonValueKind.Object)
            {
                throw new StreamFormatException("The stream index has no \"index\" object.");
            }

            var entries = new List<Entry>();
            foreach (JsonProperty product in index.EnumerateObject())
            {
                if (product.Value.ValueKind == JsonValueKind.Object &&
                    Text(product.Value, "datatype") == "image-downloads" &&
                    Text(product.Value, "path") is { Length: > 0 } path)
                {
                    entries.Add(new Entry(product.Name, path));
                }
            }

            return entries;
        }
        catch (JsonException e)
        {
            throw new StreamFormatException($"The stream index is not valid JSON: {e.Message}");
        }
    }

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
