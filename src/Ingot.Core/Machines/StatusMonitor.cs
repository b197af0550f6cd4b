using Ingot.Core.Users;

namespace Ingot.Core.Machines;

/// <summary>
/// MAAS's <c>StatusMonitorService</c> pass: every machine in a monitored status whose stored
/// expiry has passed is failed with <c>Node operation '&lt;label&gt;' timed out after &lt;N&gt; minutes.</c>
/// Expiry lives with the machine, so machines that expired while Ingot was stopped are failed on
/// the first pass after start. A machine that changed meanwhile (conflict, e.g. a power request
/// stored its result) is read again and failed if it is still expired, a few times at most; one
/// still being written by someone else is counted in <see cref="Conflicts"/> and left to a later pass.
/// DEPLOYING is bounded by MAAS's deploy workflow instead, whose time-out gives <c>time-out during deployment</c>.
/// </summary>
public sealed class StatusMonitor(IMachineStore store, LifecycleSettings settings, TimeProvider time)
{
    /// <summary>MAAS runs the monitor every 60 seconds.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(60);

    private const int Attempts = 3;

    /// <summary>How many expired machines the last pass could not fail because they were being written.</summary>
    public int Conflicts { get; private set; }

    /// <summary>How many machines the last pass read as expired.</summary>
    public int Expired { get; private set; }

    /// <summary>Runs one pass; returns the system ids it failed.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken ct)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        var failed = new List<string>();
        Conflicts = 0;
        IReadOnlyList<Machine> expiredMachines = await store.FindExpiredAsync(now, ct);
        Expired = expiredMachines.Count;
        foreach (Machine expired in expiredMachines)
        {
            Machine? machine = expired;
            bool conflicted = false;
            for (int attempt = 1; attempt <= Attempts && machine is not null; attempt++)
            {
                if (machine.StatusExpires is not { } expires || expires > now || settings.ExpiryMinutes(machine.Status) is not { } minutes)
                {
                    break;
                }

                machine.MarkFailed(machine.Status == MachineStatus.Deploying ? Machine.DeploymentTimedOut : Machine.TimeoutMessage(machine.Status, minutes), now, Actor.System);
                try
                {
                    await store.SaveAsync(machine, ct);
                    failed.Add(machine.SystemId);
                    conflicted = false;
                    break;
                }
                catch (MachineConflictException)
                {
                    // Someone acted on the machine since we read it: decide again on its new state.
                    machine = await store.FindAsync(machine.SystemId, ct);
                    conflicted = true;
                }
            }

            Conflicts += conflicted ? 1 : 0;
        }

        return failed;
    }
}
