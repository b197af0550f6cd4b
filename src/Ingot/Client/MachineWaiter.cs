using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Core.Machines;

namespace Ingot.Client;

/// <summary>
/// <c>--wait</c> for a machine action: polls the machine until it leaves the in-progress statuses
/// (commissioning, testing, deploying, releasing, disk erasing, entering/exiting rescue mode), shows
/// the status and elapsed time as it goes, and on a failed status prints the latest event, which says why.
/// </summary>
public sealed class MachineWaiter(HttpClient http, Uri apiUrl, ClientOptions options, TextWriter stdout, TextWriter stderr)
{
    public async Task<int> WaitAsync(string systemId, CancellationToken ct)
    {
        var machineUrl = new Uri(apiUrl, $"machines/{Uri.EscapeDataString(systemId)}/");
        long started = options.Time.GetTimestamp();
        string last = "";
        while (true)
        {
            using HttpResponseMessage response = await http.GetAsync(machineUrl, ct);
            if (!response.IsSuccessStatusCode)
            {
                await stderr.WriteLineAsync($"ingot: reading {systemId} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                return ClientExitCodes.Refused;
            }

            JsonObject machine = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject ?? [];
            var status = (MachineStatus)(machine["status"]?.GetValue<int>() ?? 0);
            TimeSpan elapsed = options.Time.GetElapsedTime(started);
            string line = $"{systemId}: {status.Label()} ({elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s)";
            if (options.Terminal)
            {
                await stdout.WriteAsync($"\r{line}   ");
            }
            else if (status.Label() != last)
            {
                await stdout.WriteLineAsync(line);
            }

            last = status.Label();
            if (!status.IsMonitored())
            {
                if (options.Terminal)
                {
                    await stdout.WriteLineAsync();
                }

                return status.IsFailed() ? await ReportFailureAsync(systemId, status, ct) : ClientExitCodes.Ok;
            }

            if (elapsed >= options.WaitLimit)
            {
                await stderr.WriteLineAsync($"ingot: gave up waiting for {systemId} after {options.WaitLimit.TotalMinutes:0} min; it is still {status.Label()}");
                return ClientExitCodes.WaitTimedOut;
            }

            await Task.Delay(options.PollInterval, options.Time, ct);
        }
    }

    private async Task<int> ReportFailureAsync(string systemId, MachineStatus status, CancellationToken ct)
    {
        var eventsUrl = new Uri(apiUrl, $"events/?op=query&id={Uri.EscapeDataString(systemId)}&limit=1");
        string why = "";
        using (HttpResponseMessage response = await http.GetAsync(eventsUrl, ct))
        {
            if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["events"] is JsonArray { Count: > 0 } events)
            {
                why = $": {events[0]?["type"]} — {events[0]?["description"]}".TrimEnd(' ', '—');
            }
        }

        await stderr.WriteLineAsync($"ingot: {systemId} is {status.Label()}{why}");
        return ClientExitCodes.Refused;
    }
}
