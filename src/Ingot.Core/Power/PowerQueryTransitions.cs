using Ingot.Core.Machines;
using static Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Power;

/// <summary>
/// MAAS's <c>QUERY_TRANSITIONS</c> (<c>maasserver/models/signals/power.py</c>): these status changes
/// schedule a power query <see cref="Delay"/> after the save, so the stored power state follows a machine
/// that powered itself off (commissioning done, deployment failed…). A new machine (no old status) too.
/// </summary>
public static class PowerQueryTransitions
{
    /// <summary>MAAS queries 20 s after the commit.</summary>
    public static TimeSpan Delay { get; } = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<MachineStatus, MachineStatus[]> s_table = new()
    {
        [Commissioning] = [FailedCommissioning, New, Ready],
        [Deploying] = [FailedDeployment, Deployed],
        [DiskErasing] = [FailedDiskErasing],
        [Testing] = [FailedTesting, Ready, Reserved, MachineStatus.Allocated, Deployed],
    };

    /// <summary>Whether moving from <paramref name="from"/> (null for a new machine) to <paramref name="to"/> schedules a query.</summary>
    public static bool Triggers(MachineStatus? from, MachineStatus to) =>
        from is not { } old ? to == New : old != to && s_table.TryGetValue(old, out MachineStatus[]? targets) && targets.Contains(to);
}
