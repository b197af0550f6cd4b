using Ingot.Core.Machines;

namespace Ingot.Client.Waiting;

/// <summary>
/// <c>--wait</c> for a machine action: polls the machine until it leaves the in-progress statuses
/// (commissioning, testing, deploying, releasing, disk erasing, entering/exiting rescue mode). On a
/// terminal it redraws one line with a progress bar (scripts done for commissioning and testing, a sweeping
/// bar otherwise), the status and the latest event; otherwise it prints a line per change. A failed status
/// ends with the event that explains it and <see cref="ClientExitCodes.ActionFailed"/>.
/// </summary>
public sealed class MachineWaiter(HttpClient http, Uri apiUrl, ClientOptions options, TextWriter stdout, TextWriter stderr)
{
    public async Task<int> WaitAsync(string systemId, CancellationToken ct)
    {
        long started = options.Time.GetTimestamp();
        string last = "";
        int width = 0;
        for (int step = 0; ; step++)
        {
            if (await MachineProgress.ReadAsync(http, apiUrl, systemId, ct) is not { } progress)
            {
                await EndLineAsync(width);
                await stderr.WriteLineAsync($"ingot: reading {systemId} failed; it may have been deleted");
                return ClientExitCodes.Refused;
            }

            TimeSpan elapsed = options.Time.GetElapsedTime(started);
            string line = progress.Render(systemId, elapsed, step);
            string change = $"{progress.Status} {progress.ScriptsDone} {progress.LatestEvent}";
            if (options.Terminal)
            {
                await stdout.WriteAsync($"\r{line.PadRight(width)}");
                width = Math.Max(width, line.Length);
            }
            else if (change != last)
            {
                await stdout.WriteLineAsync(line);
            }

            last = change;
            if (!progress.Status.IsMonitored())
            {
                await EndLineAsync(width);
                if (!progress.Status.IsFailed())
                {
                    await stdout.WriteLineAsync($"{systemId} is {progress.Status.Label()}");
                    return ClientExitCodes.Ok;
                }

                string why = await FailureReport.ExplainAsync(http, apiUrl, systemId, progress.Status, ct) is { Length: > 0 } text ? $": {text}" : "";
                await stderr.WriteLineAsync($"ingot: {systemId} is {progress.Status.Label()}{why}");
                return ClientExitCodes.ActionFailed;
            }

            if (elapsed >= options.WaitLimit)
            {
                await EndLineAsync(width);
                await stderr.WriteLineAsync($"ingot: gave up waiting for {systemId} after {options.WaitLimit.TotalMinutes:0} min; it is still {progress.Status.Label()}");
                return ClientExitCodes.WaitTimedOut;
            }

            await Task.Delay(options.PollInterval, options.Time, ct);
        }
    }

    private async Task EndLineAsync(int width)
    {
        if (options.Terminal && width > 0)
        {
            await stdout.WriteLineAsync();
        }
    }
}
