using Ingot.Core.Machines;
using Ingot.Sim.Machines;

namespace Ingot.Benchmarks.Storm;

/// <summary>Prints a storm's figures, the machines that did not get there, and the failure table.</summary>
internal static class StormReport
{
    public static async Task PrintAsync(StormOutcome o, TextWriter w)
    {
        Dictionary<string, (MachineStatus Status, string Error)> rows = o.Rows.ToDictionary(r => r.SystemId, r => (r.Status, r.Error), StringComparer.Ordinal);
        List<double> ready = [.. o.FirstReady.Values.Select(t => t.TotalSeconds).Order()];
        int healthy = o.Machines - o.Failures.Count;
        await w.WriteLineAsync();
        await w.WriteLineAsync($"storm {o.Machines:N0} ({o.Profile}): {ready.Count:N0}/{healthy:N0} healthy machines READY in {o.Total.TotalSeconds:F1} s");
        await w.WriteLineAsync($"  READY with a commissioning result still pending or running (READY without commissioning): {o.ReadyWithoutCommissioning.Count}"
            + (o.ReadyWithoutCommissioning.Count == 0 ? "" : $", e.g. {string.Join(", ", o.ReadyWithoutCommissioning.Take(5))}"));
        await w.WriteLineAsync($"  time to READY p50 {P(ready, 50):F1} s, p90 {P(ready, 90):F1} s, p99 {P(ready, 99):F1} s, max {P(ready, 100):F1} s");
        await w.WriteLineAsync($"  Ingot: CPU {o.IngotCpu.TotalSeconds:F1} s, peak RSS {o.IngotPeakRss / (1024.0 * 1024):F0} MiB; accept_all calls {o.Accepts} ({o.RefusedAccepts} refused or timed out)");
        await w.WriteLineAsync($"  sims' DHCP: {o.Dhcp}");
        await w.WriteLineAsync($"  host UDP (all processes): {o.Udp}");

        // Boot errors as the machines ended: each simulated machine's last activity / error.
        int dhcp = 0, tftp = 0, http = 0, other = 0;
        foreach (SimulatedMachine sim in o.Sims.Where(s => !o.Failures.ContainsKey(s.Number)))
        {
            string said = $"{sim.Activity} {sim.LastError}";
            if (said.Contains("DHCP", StringComparison.Ordinal)) { dhcp++; }
            else if (said.Contains("TFTP", StringComparison.Ordinal)) { tftp++; }
            else if (sim.LastError is not null) { if (said.Contains("HTTP", StringComparison.OrdinalIgnoreCase) || said.Contains("Response status", StringComparison.Ordinal) || said.Contains(": 5", StringComparison.Ordinal) || said.Contains(": 4", StringComparison.Ordinal)) { http++; } else { other++; } }
        }

        string[] log = File.Exists(o.IngotLog) ? await File.ReadAllLinesAsync(o.IngotLog) : [];
        await w.WriteLineAsync($"  healthy machines whose boot ended in an error: DHCP {dhcp}, TFTP {tftp}, HTTP/API {http}, other {other}");
        await w.WriteLineAsync($"  Ingot log: {log.Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))} errors, {log.Count(l => l.StartsWith("warn:", StringComparison.Ordinal))} warnings ({o.IngotLog})");
        foreach (IGrouping<string, string> group in log.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("warn:", StringComparison.Ordinal)).GroupBy(l => l).OrderByDescending(g => g.Count()).Take(8))
        {
            await w.WriteLineAsync($"    {group.Count()} × {group.Key}");
        }

        var stuck = new List<string>();
        foreach (SimulatedMachine sim in o.Sims.Where(s => !o.Failures.ContainsKey(s.Number)))
        {
            string? id = o.SystemIdByMac.GetValueOrDefault(sim.Profile.BootMac.ToLowerInvariant());
            if (id is null || !rows.TryGetValue(id, out var row) || row.Status != MachineStatus.Ready)
            {
                string status = id is null ? "not enlisted" : rows.TryGetValue(id, out var r) ? r.Status.Label() : "?";
                stuck.Add($"    {sim.Hostname} {sim.Profile.BootMac} {id ?? "-"}: {status}; sim: {sim.Activity} {sim.LastError}; Redfish resets: {string.Join(", ", sim.System.RedfishResetLog.TakeLast(8))}");
            }
        }

        await w.WriteLineAsync($"  not READY: {stuck.Count}");
        foreach (string line in stuck.Take(40))
        {
            await w.WriteLineAsync(line);
        }

        if (o.Failures.Count == 0)
        {
            return;
        }

        await w.WriteLineAsync();
        await w.WriteLineAsync("  | machine | injected | expected | Ingot status | status message | as expected |");
        await w.WriteLineAsync("  | --- | --- | --- | --- | --- | --- |");
        int right = 0;
        foreach ((int number, MachineFailure failure) in o.Failures.OrderBy(f => f.Key))
        {
            SimulatedMachine sim = o.Sims.Single(s => s.Number == number);
            string? id = o.SystemIdByMac.GetValueOrDefault(sim.Profile.BootMac.ToLowerInvariant());
            MachineStatus[] expected = StormFailures.Expected(failure);
            (MachineStatus Status, string Error)? row = id is not null && rows.TryGetValue(id, out var r) ? r : null;
            string? message = row is { } found ? StormFailures.ExpectedMessage(failure, found.Status, o.NodeTimeout) : null;
            bool ok = StormFailures.Settled(failure, row?.Status, id is not null && o.SeenCommissioning.Contains(id))
                && (message is null || message == row?.Error);
            right += ok ? 1 : 0;
            string want = expected.Length == 0 ? "never enlists" : string.Join(" or ", expected.Select(s => s.Label())) + (message is null ? "" : $" \"{message}\"");
            await w.WriteLineAsync($"  | {sim.Hostname} | {failure} | {want} | {(row is null ? "not enlisted" : row.Value.Status.Label())} | {row?.Error ?? ""} | {(ok ? "yes" : "NO")} |");
        }

        await w.WriteLineAsync($"  failures where expected, with the expected message: {right}/{o.Failures.Count}");
    }

    private static double P(List<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
