using System.Globalization;
using System.Text.Json;

namespace Ingot.Core.BootResources.Streams;

/// <summary>
/// A simplestreams product file (format <c>products:1.0</c>): products → versions → items. Scalar fields
/// are inherited downwards (top level → product → version → item), as simplestreams condenses them.
/// Only the newest version of each product is read; items without <c>ftype</c>, <c>path</c>,
/// <c>sha256</c> and <c>size</c> are skipped.
/// </summary>
public static class StreamProducts
{
    public static IReadOnlyList<StreamItem> Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("products", out JsonElement products) || products.ValueKind != JsonValueKind.Object)
            {
                throw new StreamFormatException("The product file has no \"products\" object.");
            }

            var items = new List<StreamItem>();
            Dictionary<string, string> top = Scalars(root, []);
            foreach (JsonProperty product in products.EnumerateObject())
            {
                if (product.Value.ValueKind != JsonValueKind.Object ||
                    !product.Value.TryGetProperty("versions", out JsonElement versions) || versions.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                JsonProperty? newest = versions.EnumerateObject()
                    .Where(v => v.Value.ValueKind == JsonValueKind.Object)
                    .OrderByDescending(v => v.Name, StringComparer.Ordinal)
                    .Cast<JsonProperty?>()
                    .FirstOrDefault();
                if (newest is not { } version || !version.Value.TryGetProperty("items", out JsonElement itemSet) || itemSet.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                Dictionary<string, string> versionFields = Scalars(version.Value, Scalars(product.Value, top));
                foreach (JsonProperty item in itemSet.EnumerateObject())
                {
                    if (item.Value.ValueKind == JsonValueKind.Object && ToItem(product.Name, version.Name, Scalars(item.Value, versionFields)) is { } parsed)
                    {
                        items.Add(parsed);
                    }
                }
            }

            return items;
        }
        catch (JsonException e)
        {
            throw new StreamFormatException($"The product file is not valid JSON: {e.Message}");
        }
    }

    private static StreamItem? ToItem(string product, string version, Dictionary<string, string> f)
    {
        if (f.GetValueOrDefault("ftype") is not { Length: > 0 } ftype ||
            f.GetValueOrDefault("path") is not { Length: > 0 } path ||
            f.GetValueOrDefault("sha256") is not { Length: 64 } sha256 ||
            !long.TryParse(f.GetValueOrDefault("size"), NumberStyles.None, CultureInfo.InvariantCulture, out long size))
        {
            return null;
        }

        return new StreamItem(
            product, version, f.GetValueOrDefault("os") ?? "", f.GetValueOrDefault("release") ?? "", f.GetValueOrDefault("arch") ?? "",
            f.GetValueOrDefault("subarch") ?? "generic", f.GetValueOrDefault("label") ?? "", ftype, path, sha256.ToLowerInvariant(), size, f);
    }

    private static Dictionary<string, string> Scalars(JsonElement element, Dictionary<string, string> inherited)
    {
        var fields = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (StreamIndex.Text(element, property.Name) is { } value)
            {
                fields[property.Name] = value;
            }
        }

        return fields;
    }
}
