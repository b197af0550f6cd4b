using System.Text.Json.Nodes;
using Ingot.Core.Machines;

namespace Ingot.Client.Waiting;

/// <summary>
/// One look at a machine under <c>--wait</c>: its status, the scripts finished out of those in its
/// current commissioning or testing run (when it is running one), and its latest event, which is what
/// MAAS's UI shows beside a busy machine ("Deploying: Installation started").
/// </summary>
public sealed record MachineProgress(MachineStatus Status, int ScriptsDone, int ScriptsTotal, string LatestEvent)
{
    private static readonly HashSet<string> s_unfinished = ["Pending", "Running", "Installing", "Applying custom network configuration"];

    public static async Task<MachineProgress?> ReadAsync(HttpClient http, Uri apiUrl, string systemId, CancellationToken ct)
    {
        string id = Uri.EscapeDataString(systemId);
        using HttpResponseMessage response = await http.GetAsync(new Uri(apiUrl, $"machines/{id}/"), ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        JsonObject machine = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject ?? [];
        var status = (MachineStatus)(machine["status"]?.GetValue<int>() ?? 0);
        (int done, int total) = status switch
        {
            MachineStatus.Commissioning => await ScriptsAsync(http, apiUrl, id, "current-commissioning", ct),
            MachineStatus.Testing => await ScriptsAsync(http, apiUrl, id, "current-testing", ct),
            _ => (0, 0),
        };
        return new MachineProgress(status, done, total, await LatestEventAsync(http, apiUrl, id, ct));
    }

    /// <summary>The bar and text for this look; <paramref name="step"/> moves the bar when the end is unknown.</summary>
    public string Render(string systemId, TimeSpan elapsed, int step)
    {
        string bar = ScriptsTotal > 0 ? ProgressBar.Known((double)ScriptsDone / ScriptsTotal) : ProgressBar.Sweeping(step);
        string scripts = ScriptsTotal > 0 ? $" {ScriptsDone}/{ScriptsTotal} scripts" : "";
        string latest = LatestEvent.Length > 0 ? $" — {LatestEvent}" : "";
        return $"{systemId}: {bar} {Status.Label()}{scripts}{latest} ({elapsed.TotalSeconds:0} s)";
    }

    private static async Task<(int Done, int Total)> ScriptsAsync(HttpClient http, Uri apiUrl, string id, string set, CancellationToken ct)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(apiUrl, $"nodes/{id}/results/{set}/"), ct);
        if (!response.IsSuccessStatusCode || JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["results"] is not JsonArray results)
        {
            return (0, 0);
        }

        int done = results.Count(r => r?["status_name"]?.GetValue<string>() is { } name && !s_unfinished.Contains(name));
        return (done, results.Count);
    }

    /// <summary>"TYPE — DESCRIPTION" of the machine's newest event, or "" when it has none.</summary>
    public static async Task<string> LatestEventAsync(HttpClient http, Uri apiUrl, string id, CancellationToken ct)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(apiUrl, $"events/?op=query&id={id}&limit=1"), ct);
        if (!response.IsSuccessStatusCode || JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["events"] is not JsonArray { Count: > 0 } events)
        {
            return "";
        }

        string type = events[0]?["type"]?.GetValue<string>() ?? "";
        string description = events[0]?["description"]?.GetValue<string>() ?? "";
        return description.Length == 0 ? type : $"{type}: {description}";
    }
}
