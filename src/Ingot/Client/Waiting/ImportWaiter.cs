using System.Text.Json.Nodes;

namespace Ingot.Client.Waiting;

/// <summary>
/// <c>ingot PROFILE boot-resources import --wait</c>: polls <c>boot-resources/?op=import_progress</c>
/// until the import stops, with a bar of bytes downloaded over bytes to download and the latest message;
/// an import that ended with errors prints them and exits with <see cref="ClientExitCodes.ActionFailed"/>.
/// </summary>
public sealed class ImportWaiter(HttpClient http, Uri apiUrl, ClientOptions options, TextWriter stdout, TextWriter stderr)
{
    public async Task<int> WaitAsync(CancellationToken ct)
    {
        var progressUrl = new Uri(apiUrl, "boot-resources/?op=import_progress");
        long started = options.Time.GetTimestamp();
        string last = "";
        int width = 0;
        for (int step = 0; ; step++)
        {
            using HttpResponseMessage response = await http.GetAsync(progressUrl, ct);
            string body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                await stderr.WriteLineAsync($"ingot: reading the import's progress failed: {(int)response.StatusCode} {body.Trim()}");
                return ClientExitCodes.Refused;
            }

            JsonObject progress = JsonNode.Parse(body) as JsonObject ?? [];
            bool importing = progress["importing"]?.GetValue<bool>() ?? false;
            long done = progress["bytes_done"]?.GetValue<long>() ?? 0;
            long total = progress["bytes_total"]?.GetValue<long>() ?? 0;
            string message = (progress["messages"] as JsonArray)?.LastOrDefault()?.GetValue<string>() ?? "";
            TimeSpan elapsed = options.Time.GetElapsedTime(started);
            string bar = total > 0 ? ProgressBar.Known((double)done / total) : ProgressBar.Sweeping(step);
            string line = $"import: {bar} {Megabytes(done)}/{Megabytes(total)} MB {message} ({elapsed.TotalSeconds:0} s)";
            if (options.Terminal)
            {
                await stdout.WriteAsync($"\r{line.PadRight(width)}");
                width = Math.Max(width, line.Length);
            }
            else if (message != last || !importing)
            {
                await stdout.WriteLineAsync(line);
            }

            last = message;
            if (!importing)
            {
                if (options.Terminal)
                {
                    await stdout.WriteLineAsync();
                }

                string[] errors = [.. (progress["errors"] as JsonArray ?? []).Select(e => e?.GetValue<string>() ?? "")];
                foreach (string error in errors)
                {
                    await stderr.WriteLineAsync($"ingot: import: {error}");
                }

                return errors.Length > 0 ? ClientExitCodes.ActionFailed : ClientExitCodes.Ok;
            }

            if (elapsed >= options.WaitLimit)
            {
                await stderr.WriteLineAsync($"{(options.Terminal ? "\n" : "")}ingot: gave up waiting for the import after {options.WaitLimit.TotalMinutes:0} min; it is still running");
                return ClientExitCodes.WaitTimedOut;
            }

            await Task.Delay(options.PollInterval, options.Time, ct);
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
