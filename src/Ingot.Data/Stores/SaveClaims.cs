using System.Collections.Concurrent;
using Ingot.Core.Machines;

namespace Ingot.Data.Stores;

/// <summary>
/// What this process knows about machine saves, to refuse at once a save that would certainly lose
/// its compare-and-set, without a transaction: one whose expected version is older than one this
/// process already wrote (versions only go up), or one racing another save of the same machine in
/// this process (the first to claim it goes to the database; the other would lose to it). That keeps
/// a crowd of concurrent requests chasing the same machines (parallel allocations) from queueing on
/// the database's write lock only to fail. Saves by other processes are still caught by the
/// database's compare-and-set.
/// </summary>
internal sealed class SaveClaims
{
    private readonly ConcurrentDictionary<long, long> _written = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _inFlight = new();

    /// <summary>
    /// Claims every machine for one save, or returns the first that is stale or already being saved
    /// here (and claims none), with that save's end when it is one under way (null when stale). Release
    /// the claims with <see cref="Release"/>.
    /// </summary>
    public (Machine Machine, Task? InFlight)? TryClaim(IReadOnlyList<Machine> machines)
    {
        for (int i = 0; i < machines.Count; i++)
        {
            Machine machine = machines[i];
            if (_written.TryGetValue(machine.Id, out long newest) && newest > machine.Version)
            {
                Release(machines.Take(i));
                return (machine, null);
            }

            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            TaskCompletionSource holder = _inFlight.GetOrAdd(machine.Id, mine);
            if (holder != mine)
            {
                Release(machines.Take(i));
                return (machine, holder.Task);
            }
        }

        return null;
    }

    /// <summary>Ends the claims: saves refused for them may try again.</summary>
    public void Release(IEnumerable<Machine> machines)
    {
        foreach (Machine machine in machines)
        {
            if (_inFlight.TryRemove(machine.Id, out TaskCompletionSource? ended))
            {
                ended.TrySetResult();
            }
        }
    }

    public void Written(long machineId, long version) =>
        _written.AddOrUpdate(machineId, version, (_, current) => Math.Max(current, version));
}
