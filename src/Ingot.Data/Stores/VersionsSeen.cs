using System.Collections.Concurrent;
using Ingot.Core.Machines;

namespace Ingot.Data.Stores;

/// <summary>
/// The newest version of each machine this process has written. Versions only go up, so a save
/// whose expected version is older than one already written here would certainly lose its
/// compare-and-set: <see cref="MachineStore"/> refuses it at once, without a transaction. That
/// keeps a crowd of concurrent requests racing for the same machines (parallel allocations) from
/// queueing for the write lock only to fail. Writes by other processes are still caught by the
/// database's compare-and-set.
/// </summary>
internal sealed class VersionsSeen
{
    private readonly ConcurrentDictionary<long, long> _written = new();

    public bool IsStale(Machine machine) =>
        machine.Id != 0 && _written.TryGetValue(machine.Id, out long newest) && newest > machine.Version;

    public void Written(long machineId, long version) =>
        _written.AddOrUpdate(machineId, version, (_, current) => Math.Max(current, version));
}
