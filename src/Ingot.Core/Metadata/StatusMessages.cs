using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Metadata;

/// <summary>
/// What the status webhook does with a message (<c>api_twisted.StatusWorkerService._processMessage</c>):
/// <c>start</c> events and failures become node events; a failed top-level <c>finish</c> fails a
/// commissioning or deploying machine (<c>mark_failed</c>). Other effects of MAAS's worker are listed
/// in docs/metadata-notes.md as not done.
/// </summary>
public sealed class StatusMessages(IMachineStore machines, TimeProvider time)
{
    public const string CommissioningFailed = "Commissioning failed, cloud-init reported a failure (refer to the event log for more information)";
    public const string DeploymentFailed = "Installation failed (refer to the installation log for more information).";

    /// <summary>Applies the message; returns false when it changed nothing (no event, no status).</summary>
    public async Task<bool> ApplyAsync(string systemId, StatusMessage message, CancellationToken ct)
    {
        Machine? machine = await machines.FindAsync(systemId, ct);
        if (machine is null)
        {
            return false;
        }

        bool failed = message.EventType == "finish" && message.Result is "FAIL" or "FAILURE";
        if (message.EventType != "start" && !failed)
        {
            return false;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        string description = message.Description.Length > 0 ? $"'{message.Name}' {message.Description}" : $"'{message.Name}'";
        machine.Record(EventTypes.NodeStatusEvent, description, now);
        if (failed && !message.Name.Contains('/', StringComparison.Ordinal))
        {
            if (machine.Status == MachineStatus.Commissioning)
            {
                machine.MarkFailed(CommissioningFailed, now, Actor.System);
            }
            else if (machine.Status == MachineStatus.Deploying)
            {
                machine.MarkFailed(DeploymentFailed, now, Actor.System);
            }
        }

        await machines.SaveAsync(machine, ct);
        return true;
    }
}
