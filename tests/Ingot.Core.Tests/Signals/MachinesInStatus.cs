using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Signals;

/// <summary>
/// Builds machines in any status by walking the shortest legal path from NEW through
/// <see cref="NodeTransitions"/>, so tests never bypass the table to set up a machine.
/// </summary>
internal static class MachinesInStatus
{
    public static Machine Create(MachineStatus status, DateTime now, string systemId = "abc123")
    {
        Machine machine = Machine.Create(systemId, "node-" + systemId, now);
        foreach (MachineStatus step in PathTo(status))
        {
            machine.TransitionTo(step, now);
        }

        return machine;
    }

    /// <summary>Walks the given statuses in order (each step validated).</summary>
    public static Machine Via(DateTime now, params MachineStatus[] steps)
    {
        Machine machine = Machine.Create("abc123", "node-abc123", now);
        foreach (MachineStatus step in steps)
        {
            machine.TransitionTo(step, now);
        }

        return machine;
    }

    private static List<MachineStatus> PathTo(MachineStatus target)
    {
        var cameFrom = new Dictionary<MachineStatus, MachineStatus> { [MachineStatus.New] = MachineStatus.New };
        var queue = new Queue<MachineStatus>([MachineStatus.New]);
        while (queue.Count > 0 && !cameFrom.ContainsKey(target))
        {
            MachineStatus from = queue.Dequeue();
            foreach (MachineStatus to in NodeTransitions.Table[from].Order().Where(to => !cameFrom.ContainsKey(to)))
            {
                cameFrom[to] = from;
                queue.Enqueue(to);
            }
        }

        var path = new List<MachineStatus>();
        for (MachineStatus at = target; at != MachineStatus.New; at = cameFrom[at])
        {
            path.Insert(0, at);
        }

        return path;
    }
}
