using Ingot.Core.Events;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Metadata;
using Ingot.Core.Scripts;

namespace Ingot.Core.Registration;

/// <summary>
/// Adding a live machine's hardware (MAAS's deploy-info set and hardware sync for machines added with
/// <c>deployed=true</c>): the running system's report, sent by <see cref="RegistrationScript"/> with a one-use
/// token (<see cref="RegistrationTokens"/>), is stored as the results of the machine's deploy-info script set
/// (<see cref="DeployInfoScripts"/>; made pending when the machine is added, as MAAS does, or by the first report when
/// it is missing), and the passed
/// results go through the commissioning hooks (<see cref="CommissioningHooks"/>: the resources document becomes the
/// hardware — CPUs, NUMA nodes, memory, disks, interfaces, PCI and USB devices —, lshw XML and modaliases are kept,
/// tags evaluated), exactly as commissioning output would. The status and the owner are untouched; the machine's
/// commissioning status is the set's. A later report (with a new token) overwrites the same set's results, as MAAS's
/// hardware sync does.
/// </summary>
public sealed class MachineRegistration(
    IMachineStore machines, IMachineTokenStore tokens, IScriptResultStore results, CommissioningInventory inventory, TimeProvider time)
{
    public const string Registered = "Hardware reported by the running system";

    /// <summary>What a valid token names: the deployed machine and the commissioning set of its current run (none when it was never made).</summary>
    public sealed record Target(Machine Machine, ScriptSet? Set);

    /// <summary>What became of a report.</summary>
    public enum Outcome
    {
        /// <summary>Stored; the token is used up.</summary>
        Stored,

        /// <summary>Not a report (<see cref="LiveHostReport"/>'s reasons); nothing changed, the token still works.</summary>
        Malformed,

        /// <summary>Another report with the same token was stored first; nothing changed.</summary>
        Used,
    }

    /// <summary>The machine a token may register, or null when it is unknown, used, or not deployed.</summary>
    public async Task<Target?> FindAsync(string tokenValue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tokenValue);
        if (RegistrationTokens.SystemIdOf(tokenValue) is not { } systemId
            || await machines.FindAsync(systemId, ct) is not { Status: MachineStatus.Deployed } machine
            || await tokens.FindForMachineAsync(systemId, ct) is not { } token)
        {
            return null;
        }

        ScriptSet? set = await results.FindSetAsync(systemId, ScriptSetKind.Commissioning, machine.ScriptRun, ct);
        return RegistrationTokens.Verify(machine, token, set, tokenValue) ? new Target(machine, set) : null;
    }

    /// <summary>Stores a report for the target <see cref="FindAsync"/> gave; the message says why when it is not <see cref="Outcome.Stored"/>.</summary>
    public async Task<(Outcome Outcome, string Message)> ReportAsync(Target target, string report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (LiveHostReport.Parse(report, out string? error) is not { } reported)
        {
            return (Outcome.Malformed, error!);
        }

        Machine machine = target.Machine;
        DateTime now = time.GetUtcNow().UtcDateTime;
        ScriptSet? set = target.Set;
        if (!DeployInfoScripts.IsDeployInfo(set))
        {
            // The first report, or a machine whose current set is a real commissioning run: a deploy-info set of its own run.
            if (set is not null)
            {
                machine.BeginScriptRun();
            }

            set = await results.AddSetAsync(DeployInfoScripts.NewSet(machine, now), ct);
        }

        foreach (LiveHostReport.Result result in reported)
        {
            if (set!.Results.FirstOrDefault(r => r.Name == result.Name) is { } stored)
            {
                stored.Started = null;
            }

            ScriptResultUpdates.Apply(set, Signal(result), now);
        }

        await CommissioningHooks.RunAsync(inventory, machine, set!, new SignalRequest("OK", Uploads: [.. reported.Select(r => Signal(r).Uploads![0])]), now, ct);
        machine.CommissioningResult = SetStatus(set!.Status);
        machine.Record(EventTypes.NodeStatusEvent, Registered, now);
        try
        {
            await machines.SaveAsync(machine, [set], ct);
        }
        catch (MachineConflictException)
        {
            return (Outcome.Used, "The registration token was used meanwhile.");
        }

        return (Outcome.Stored, "OK");
    }

    /// <summary>A result as the metadata API's signal would carry it: stdout, stderr, and both as the combined output.</summary>
    private static SignalRequest Signal(LiveHostReport.Result result) =>
        new("OK", ExitStatus: result.ExitStatus, Uploads: [new ScriptUpload(result.Name, [.. result.Stdout, .. result.Stderr], result.Stdout, result.Stderr, null)]);

    private static ScriptSetStatus SetStatus(ScriptStatus status) => status switch
    {
        ScriptStatus.Passed or ScriptStatus.Skipped => ScriptSetStatus.Passed,
        ScriptStatus.Pending => ScriptSetStatus.Pending,
        ScriptStatus.Running or ScriptStatus.Installing or ScriptStatus.ApplyingNetconf => ScriptSetStatus.Running,
        ScriptStatus.Aborted => ScriptSetStatus.Aborted,
        ScriptStatus.Degraded => ScriptSetStatus.Passed,
        _ => ScriptSetStatus.Failed,
    };
}
