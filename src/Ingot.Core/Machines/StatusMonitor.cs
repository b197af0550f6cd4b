using Ingot.Core.Users;

namespace Ingot.Core.Machines;

/// <summary>
/// MAAS's <c>StatusMonitorService</c> pass: every machine in a monitored status whose stored
/// expiry has passed is failed with <c>Node operation '&lt;label&gt;' timed out after &lt;N&gt; minutes.</c>
/// Expiry lives with the machine, so machines that expired while Ingot was stopped are failed on
/// the first pass after start. A machine that changed meanwhile (conflict) is left to the next pass.
/// DEPLOYING is bounded by MAAS's deploy workflow instead, whose time-out gives <c>time-out during deployment</c>.
/// </summary>
public sealed class StatusMonitor(IMachineStore store, LifecycleSettings settings, TimeProvider time)
{
    /// <summary>MAAS runs the monitor every 60 seconds.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Runs one pass; returns the system ids it failed.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken ct)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        var failed = new List<string>();
        foreach (Machine machine in await store.FindExpiredAsync(now, ct))
        {
            if (machine.StatusExpires is not { } expires || expires > now || settings.ExpiryMinutes(machine.Status) is not { } minutes)
            {
                continue;
            }

            machine.MarkFailed(machine.Status == MachineStatus.Deploying ? Machine.DeploymentTimedOut : Machine.TimeoutMessage(machine.Status, minutes), now, Actor.System);
            try
            {
                await store.SaveAsync(machine, ct);
                failed.Add(machine.SystemId);
            }
            catch (MachineConflictException)
            {
                // Someone acted on the machine since we read it; the next pass sees its new state.
            }
        }

        return failed;
    }
}
