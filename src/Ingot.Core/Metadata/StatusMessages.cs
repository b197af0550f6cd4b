using Ingot.Core.Config;
using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Users;

namespace Ingot.Core.Metadata;

/// <summary>
/// What the status webhook does with a message (<c>api_twisted.StatusWorkerService._processMessage</c>):
/// <c>start</c> events and failures become node events; curtin's <c>cmd-install</c> stages reset a
/// deploying machine's timeout; a failed top-level <c>finish</c> fails a commissioning, deploying,
/// disk erasing or releasing machine (<c>mark_failed</c>, MAAS's messages); cloud-init's
/// <c>modules-final</c> finishing while DISK_ERASING or RELEASING releases the machine
/// (<c>node.release()</c>). Other effects of MAAS's worker are listed in docs/metadata-notes.md.
/// </summary>
public sealed class StatusMessages(IMachineStore machines, IConfigStore config, TimeProvider time)
{
    public const string CommissioningFailed = "Commissioning failed, cloud-init reported a failure (refer to the event log for more information)";
    public const string DeploymentFailed = "Installation failed (refer to the installation log for more information).";

    /// <summary>The cloud-init stage whose end means the ephemeral environment did its work.</summary>
    public const string ModulesFinal = "modules-final";

    /// <summary>Applies the message; returns false when it changed nothing (no event, no status).</summary>
    /// <remarks>
    /// A save that loses to another writer is done again on the machine as it now is (<see cref="ConflictRetry"/>):
    /// MAAS accepts every event (204) whatever else writes the node.
    /// </remarks>
    public Task<bool> ApplyAsync(string systemId, StatusMessage message, CancellationToken ct) =>
        ConflictRetry.RunAsync(c => ApplyOnceAsync(systemId, message, c), time, ct);

    private async Task<bool> ApplyOnceAsync(string systemId, StatusMessage message, CancellationToken ct)
    {
        Machine? machine = await machines.FindAsync(systemId, ct);
        if (machine is null)
        {
            return false;
        }

        bool finish = message.EventType == "finish";
        bool failed = finish && message.Result is "FAIL" or "FAILURE";
        bool topLevel = !message.Name.Contains('/', StringComparison.Ordinal);
        bool curtinInstall = message.Origin == "curtin" && message.Name.StartsWith("cmd-install", StringComparison.Ordinal);
        bool releases = finish && !failed && message.Name == ModulesFinal
            && machine.Status is MachineStatus.DiskErasing or MachineStatus.Releasing;
        if (message.EventType != "start" && !failed && !releases && !(curtinInstall && finish))
        {
            return false;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        LifecycleSettings settings = await LifecycleSettingsLoader.LoadAsync(config, ct);
        if (message.EventType == "start" || failed)
        {
            string description = message.Description.Length > 0 ? $"'{message.Name}' {message.Description}" : $"'{message.Name}'";
            machine.Record(EventTypes.NodeStatusEvent, description, now);
        }

        if (curtinInstall)
        {
            machine.ResetDeploymentTimeout(now, settings);
        }

        if (failed && topLevel && FailureComment(machine.Status) is { } comment)
        {
            machine.MarkFailed(comment, now, Actor.System);
        }
        else if (releases)
        {
            machine.Release(Actor.System, now, settings);
        }

        await machines.SaveAsync(machine, ct);
        return true;
    }

    /// <summary>MAAS's <c>mark_failed</c> comment for a failed top-level stage, or null where it fails nothing.</summary>
    private static string? FailureComment(MachineStatus status) => status switch
    {
        MachineStatus.Commissioning => CommissioningFailed,
        MachineStatus.Deploying => DeploymentFailed,
        MachineStatus.DiskErasing => SignalTable.DiskErasingFailed,
        MachineStatus.Releasing => SignalTable.ReleasingFailed,
        _ => null,
    };
}
