using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingot.Client;

/// <summary>
/// Human output for API answers: a list of objects as a table (machines with MAAS's list columns, other
/// objects with their names and scalar fields), one object as <c>key  value</c> lines (a machine with its
/// summary fields only: status, power, owner, lock, placement, hardware totals, OS, addresses, tags, error),
/// anything else as sent. <c>--json</c> prints the body unchanged. Colour only on a terminal.
/// </summary>
public static class ResponsePrinter
{
    private static readonly string[] s_machineColumns = ["hostname", "system_id", "status_name", "power_state", "owner", "zone", "pool", "cpu_count", "memory", "storage"];
    private static readonly string[] s_machineFields = ["hostname", "system_id", "status_name", "status_message", "power_state", "owner", "locked", "zone", "pool", "architecture", "cpu_count", "memory", "storage", "osystem", "distro_series", "ip_addresses", "tag_names", "error_description"];
    private static readonly string[] s_preferred = ["name", "hostname", "username", "id", "system_id", "cidr", "vid", "status_name", "description"];

    public static string Render(string body, string? contentType, bool json, bool colour)
    {
        if (json || contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return body.Length == 0 || body.EndsWith('\n') ? body : body + "\n";
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body + "\n";
        }

        return node switch
        {
            JsonArray list when list.All(i => i is JsonObject) && list.Count > 0 => Table([.. list.Cast<JsonObject>()], colour),
            JsonArray { Count: 0 } => "(none)\n",
            JsonObject one when one.ContainsKey("system_id") && one.ContainsKey("status_name") => Fields(one, s_machineFields.Where(one.ContainsKey), colour),
            JsonObject one => Fields(one, one.Select(p => p.Key), colour),
            _ => node?.ToJsonString() + "\n",
        };
    }

    private static string Table(IReadOnlyList<JsonObject> items, bool colour)
    {
        bool machines = items[0].ContainsKey("system_id") && items[0].ContainsKey("status_name");
        string[] columns = machines
            ? s_machineColumns
            : [.. s_preferred.Where(items[0].ContainsKey).Concat(items[0].Where(p => p.Value is JsonValue && !s_preferred.Contains(p.Key) && p.Key != "resource_uri").Select(p => p.Key)).Take(7)];
        List<IReadOnlyList<string>> rows = [.. items.Select(item => (IReadOnlyList<string>)[.. columns.Select(c => Cell(item, c))])];
        int status = Array.IndexOf(columns, "status_name");
        return TableWriter.Render([.. columns.Select(c => c.Replace('_', ' ').ToUpperInvariant())], rows,
            colour && status >= 0 ? (i, cell) => i == status ? StatusColour.Paint(cell) : cell : null);
    }

    private static string Fields(JsonObject item, IEnumerable<string> keys, bool colour)
    {
        var text = new StringBuilder();
        string[] shown = [.. keys];
        int width = shown.Select(k => k.Length).DefaultIfEmpty(0).Max();
        foreach (string key in shown)
        {
            string cell = Cell(item, key);
            text.Append(key.PadRight(width)).Append("  ").Append(colour && key == "status_name" ? StatusColour.Paint(cell) : cell).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(JsonObject item, string column) => (column, item[column]) switch
    {
        ("memory", JsonValue v) when v.TryGetValue(out long mib) => $"{mib / 1024.0:0.#} GiB",
        ("storage", JsonValue v) when v.TryGetValue(out double mb) => $"{mb / 1000.0:0.#} GB",
        (_, null) => "",
        (_, JsonValue v) => v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString(),
        (_, JsonObject o) => o["name"]?.ToString() ?? o.ToJsonString(),
        (_, JsonArray a) when a.All(i => i is JsonValue) => string.Join(",", a.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : i?.ToJsonString())),
        (_, JsonArray a) => string.Create(CultureInfo.InvariantCulture, $"[{a.Count} items]"),
        _ => "",
    };
}
