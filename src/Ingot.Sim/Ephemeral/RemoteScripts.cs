using System.Formats.Tar;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Sim.Machines;

namespace Ingot.Sim.Ephemeral;

/// <summary>
/// <c>maas-run-remote-scripts</c> on a simulated machine: downloads <c>maas-scripts</c>, runs the
/// commissioning scripts (WORKING when each starts, WORKING with its files and exit status when it
/// ends), downloads again, signals TESTING and runs the testing scripts, then signals OK — or FAILED
/// when a script failed, as the real runner does. Disk erasing hands out the release scripts
/// (<c>wipe-disks</c>, which wipes the simulated disks); after their OK, cloud-init's
/// <c>modules-final</c> finish goes to the status webhook, which is what makes Ingot mark the machine
/// Ready. A 204 (nothing to run: rescue mode) is answered with OK and the machine stays up.
/// </summary>
public sealed class RemoteScripts(MetadataClient metadata, SimulatedMachine machine, MachineFailure failure, string? address, TimeProvider time, string? webhook)
{
    public async Task<EphemeralEnd> RunAsync(CancellationToken ct)
    {
        (HttpStatusCode status, JsonObject? index) = await IndexAsync(ct);
        if (status == HttpStatusCode.NoContent || index is null)
        {
            return await RescueAsync(ct);
        }

        JsonArray commissioning = index["commissioning_scripts"]?.AsArray() ?? [];
        if (commissioning.Count > 0)
        {
            if (await RunAllAsync("commissioning", commissioning, ct) is { } failedOrHung)
            {
                return failedOrHung;
            }

            machine.Report("ephemeral: signal TESTING");
            await metadata.SignalAsync("TESTING", ct: ct);

            // Ingot makes the testing results when testing starts; the runner downloads again to get them.
            (_, index) = await IndexAsync(ct);
        }

        JsonArray testing = index?["testing_scripts"]?.AsArray() ?? [];
        if (testing.Count > 0 && await RunAllAsync("testing", testing, ct) is { } testFailedOrHung)
        {
            return testFailedOrHung;
        }

        JsonArray release = index?["release_scripts"]?.AsArray() ?? [];
        if (release.Count > 0 && await RunAllAsync("release", release, ct) is { } releaseFailed)
        {
            return releaseFailed;
        }

        machine.Report("ephemeral: signal OK");
        await metadata.SignalAsync("OK", [("error", "All scripts successfully ran")], ct: ct);
        if (release.Count > 0 && webhook is not null)
        {
            await metadata.ReportAsync(webhook, "cloudinit", "finish", "modules-final", "running modules for final", "SUCCESS", ct);
        }

        return EphemeralEnd.PowerOff;
    }

    /// <summary>Rescue mode's environment: up with its SSH server, it signals OK (or FAILED, injected) and stays on.</summary>
    private async Task<EphemeralEnd> RescueAsync(CancellationToken ct)
    {
        if (failure.Kind == FailureKind.Rescue)
        {
            machine.Report("ephemeral: rescue environment failed, signal FAILED");
            await metadata.SignalAsync("FAILED", [("error", "rescue environment: sshd did not start (injected by ingot sim)")], ct: ct);
            return EphemeralEnd.StayOn;
        }

        machine.Report("ephemeral: nothing to run, signalling OK");
        await metadata.SignalAsync("OK", ct: ct);
        return EphemeralEnd.StayOn;
    }

    /// <summary>Runs one kind's scripts; null when all passed, else how the environment ends.</summary>
    private async Task<EphemeralEnd?> RunAllAsync(string kind, JsonArray entries, CancellationToken ct)
    {
        int failed = 0;
        foreach (JsonNode? entry in entries)
        {
            string name = entry!["name"]!.GetValue<string>();
            string id = entry["script_result_id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture);
            string version = entry["script_version_id"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture) ?? "0";
            machine.Report($"{kind}: {name}");
            await metadata.SignalAsync("WORKING", [("script_result_id", id), ("name", name)], ct: ct);

            long started = time.GetTimestamp();
            int exit = ScriptOutputs.ExitStatus(name, failure);
            byte[] stdout = ScriptOutputs.Stdout(name, machine, failure, address);
            byte[] stderr = exit == 0 ? [] : Encoding.UTF8.GetBytes($"{name}: failed (injected by ingot sim)\n");
            string runtime = time.GetElapsedTime(started).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            await metadata.SignalAsync(
                "WORKING",
                [("script_result_id", id), ("script_version_id", version), ("exit_status", exit.ToString(CultureInfo.InvariantCulture)), ("runtime", runtime)],
                [(name, [.. stdout, .. stderr]), ($"{name}.out", stdout), ($"{name}.err", stderr), ($"{name}.yaml", Encoding.UTF8.GetBytes("results: {}\n"))],
                ct);
            failed += exit == 0 ? 0 : 1;
            if (name == "wipe-disks" && exit == 0)
            {
                machine.Wipe();
            }
        }

        if (failed == 0)
        {
            return null;
        }

        machine.Report($"{kind}: {failed} script(s) failed, signal FAILED");
        await metadata.SignalAsync("FAILED", [("error", $"Failed {kind} script(s): {failed}")], ct: ct);
        return EphemeralEnd.PowerOff;
    }

    private async Task<(HttpStatusCode Status, JsonObject? Index)> IndexAsync(CancellationToken ct)
    {
        (HttpStatusCode status, byte[] body) = await metadata.GetAsync("2012-03-01/maas-scripts", ct);
        if (status != HttpStatusCode.OK)
        {
            return (status, null);
        }

        using var tar = new TarReader(new MemoryStream(body));
        while (await tar.GetNextEntryAsync(cancellationToken: ct) is { } entry)
        {
            if (entry.Name == "index.json" && entry.DataStream is { } data)
            {
                return (status, JsonNode.Parse(data)?["1.0"]?.AsObject());
            }
        }

        return (status, null);
    }
}
