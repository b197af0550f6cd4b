using System.Text.Json.Nodes;
using Ingot.Core.Machines;

namespace Ingot.Client.Waiting;

/// <summary>
/// Why a waited-for machine action failed, in one line: the newest event that is not a bare status
/// change (e.g. "Failed commissioning", "Marking node failed: Installation failed …"), the machine's
/// error description, and for commissioning or testing the scripts that failed in the current run.
/// </summary>
public static class FailureReport
{
    private const string StatusChange = "Node changed status";
    private static readonly HashSet<string> s_failedScripts = ["Failed", "Timed out", "Failed installing"];

    public static async Task<string> ExplainAsync(HttpClient http, Uri apiUrl, string systemId, MachineStatus status, CancellationToken ct)
    {
        string id = Uri.EscapeDataString(systemId);
        var parts = new List<string>();
        if (await GetAsync(http, new Uri(apiUrl, $"events/?op=query&id={id}&limit=10"), ct) is { } page && page["events"] is JsonArray events)
        {
            JsonNode? explaining = events.FirstOrDefault(e => e?["type"]?.GetValue<string>() != StatusChange) ?? events.FirstOrDefault();
            if (explaining is not null)
            {
                string type = explaining["type"]?.GetValue<string>() ?? "";
                string description = explaining["description"]?.GetValue<string>() ?? "";
                parts.Add(description.Length == 0 ? type : $"{type}: {description}");
            }
        }

        if (await GetAsync(http, new Uri(apiUrl, $"machines/{id}/"), ct) is { } machine
            && machine["error_description"]?.GetValue<string>() is { Length: > 0 } error && !parts.Any(p => p.Contains(error, StringComparison.Ordinal)))
        {
            parts.Add(error);
        }

        string? set = status switch
        {
            MachineStatus.FailedCommissioning => "current-commissioning",
            MachineStatus.FailedTesting => "current-testing",
            _ => null,
        };
        if (set is not null && await GetAsync(http, new Uri(apiUrl, $"nodes/{id}/results/{set}/"), ct) is { } run && run["results"] is JsonArray results)
        {
            string[] failed = [.. results
                .Where(r => r?["status_name"]?.GetValue<string>() is { } name && s_failedScripts.Contains(name))
                .Select(r => $"{r!["name"]} ({r["status_name"]}{(r["exit_status"] is JsonValue exit ? $", exit status {exit}" : "")})")];
            if (failed.Length > 0)
            {
                parts.Add("failed scripts: " + string.Join(", ", failed));
            }
        }

        return string.Join("; ", parts);
    }

    private static async Task<JsonObject?> GetAsync(HttpClient http, Uri url, CancellationToken ct)
    {
        using HttpResponseMessage response = await http.GetAsync(url, ct);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject : null;
    }
}
