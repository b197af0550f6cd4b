using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Users;

namespace Ingot.Core.Scripts;

/// <summary>
/// MAAS's <c>mark_nodes_failed_after_missing_script_timeout</c>, script part: a RUNNING result of a
/// COMMISSIONING or TESTING machine's current set whose timeout (its <c>runtime</c> parameter's value,
/// else the script's timeout; 0 is none) plus <see cref="Grace"/> has passed since it started becomes
/// TIMEDOUT, the set's other pending/running results ABORTED, and the machine is failed
/// (<c>&lt;script&gt; has run past it's timeout(&lt;t&gt;)</c>, a system mark-failed event) and, unless
/// SSH is enabled, powered off. A machine changed meanwhile (conflict) is left to the next pass.
/// <para>
/// The heartbeat half (<see cref="Heartbeats"/>): a COMMISSIONING or TESTING machine whose expiry the first
/// signal cleared and whose current set was last pinged more than node_timeout minutes ago is failed with
/// <c>Node has not been heard from for the last &lt;N&gt; minutes</c>, its running and pending results
/// TIMEDOUT, and powered off unless SSH is enabled; when a running script <c>may_reboot</c>, the expiry is
/// re-armed to last ping + node_timeout instead (the machine is taken to be rebooting).
/// </para>
/// </summary>
public sealed class ScriptTimeouts(IMachineStore machines, IScriptResultStore results, ScriptCatalog catalog, TimeProvider time, Config.IConfigStore? config = null)
{
    /// <summary>The machine kills an overrunning script itself and signals; the region waits this long more.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The machines a pass looks at: COMMISSIONING and TESTING ones only (selected by the store, not by reading every
    /// machine each minute), without power parameters (a failed machine's power-off is carried out from a fresh read).
    /// </summary>
    private static MachineQuery Watched { get; } = new() { Statuses = [MachineStatus.Commissioning, MachineStatus.Testing], PowerParameters = false };

    /// <summary>Runs one pass; returns the system ids it failed.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken ct)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        int nodeTimeout = config is null ? LifecycleSettings.DefaultNodeTimeout : (await Config.LifecycleSettingsLoader.LoadAsync(config, ct)).NodeTimeout;
        var failed = new List<string>();
        foreach (Machine machine in await machines.ListAsync(Watched, ct))
        {
            ScriptSetKind? kind = machine.Status switch
            {
                MachineStatus.Commissioning => ScriptSetKind.Commissioning,
                MachineStatus.Testing => ScriptSetKind.Testing,
                _ => null,
            };
            if (kind is null || await results.FindSetAsync(machine.SystemId, kind.Value, machine.ScriptRun, ct) is not { } set)
            {
                continue;
            }

            if (machine.StatusExpires is null && Heartbeats.Flatlined(set, now, nodeTimeout))
            {
                if (await HeartbeatAsync(machine, set, now, nodeTimeout, ct))
                {
                    failed.Add(machine.SystemId);
                }

                continue;
            }

            if (await OverrunAsync(set, now, ct) is not ({ } result, int seconds))
            {
                continue;
            }

            string message = $"{result.Name} has run past it's timeout({ScriptChoices.TimeoutText(seconds)})";
            result.Status = ScriptStatus.TimedOut;
            result.Updated = now;
            ScriptResultUpdates.AbortUnfinished(set, now);
            machine.MarkFailed(message, now, Actor.System);
            if (!machine.EnableSsh)
            {
                machine.Stop(Actor.System, now, comment: "Node stopped because SSH is disabled");
            }

            try
            {
                await machines.SaveAsync(machine, [set], ct);
            }
            catch (MachineConflictException)
            {
                continue;
            }

            failed.Add(machine.SystemId);
        }

        return failed;
    }

    /// <summary>Fails a flatlined machine (true), or re-arms its expiry when a running script may reboot it (false).</summary>
    private async Task<bool> HeartbeatAsync(Machine machine, ScriptSet set, DateTime now, int nodeTimeout, CancellationToken ct)
    {
        var running = set.Results.Where(r => r.Status == ScriptStatus.Running).ToList();
        bool mayReboot = false;
        foreach (ScriptResult result in running)
        {
            mayReboot |= (await ScriptOfAsync(result, ct))?.MayReboot ?? false;
        }

        ScriptSet? testing = set.Kind == ScriptSetKind.Commissioning ? await results.FindSetAsync(machine.SystemId, ScriptSetKind.Testing, machine.ScriptRun, ct) : null;
        if (!Heartbeats.Apply(machine, set, testing, mayReboot, now, nodeTimeout))
        {
            await TrySaveAsync(machine, [], ct);
            return false;
        }

        return await TrySaveAsync(machine, testing is null ? [set] : [set, testing], ct);
    }

    private async Task<bool> TrySaveAsync(Machine machine, IReadOnlyList<ScriptSet> sets, CancellationToken ct)
    {
        try
        {
            await machines.SaveAsync(machine, sets, ct);
            return true;
        }
        catch (MachineConflictException)
        {
            return false;
        }
    }

    private async Task<(ScriptResult Result, int Seconds)?> OverrunAsync(ScriptSet set, DateTime now, CancellationToken ct)
    {
        foreach (ScriptResult result in set.Results.Where(r => r.Status == ScriptStatus.Running && r.Started is not null))
        {
            int seconds = RuntimeParameter(result) ?? (await ScriptOfAsync(result, ct))?.TimeoutSeconds ?? 0;
            if (seconds > 0 && result.Started!.Value + TimeSpan.FromSeconds(seconds) + Grace < now)
            {
                return (result, seconds);
            }
        }

        return null;
    }

    private Task<Script?> ScriptOfAsync(ScriptResult result, CancellationToken ct) =>
        catalog.FindAsync(result.ScriptId?.ToString(CultureInfo.InvariantCulture) ?? result.Name, ct);

    /// <summary>The value of the result's <c>runtime</c> parameter, when it has one.</summary>
    public static int? RuntimeParameter(ScriptResult result)
    {
        try
        {
            return (JsonNode.Parse(result.Parameters) as JsonObject)?
                .Select(p => p.Value)
                .OfType<JsonObject>()
                .Where(p => p["type"]?.GetValue<string>() == "runtime")
                .Select(p => p["value"] is JsonValue v && v.TryGetValue(out int n) ? n : (int?)null)
                .FirstOrDefault(v => v is not null);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
