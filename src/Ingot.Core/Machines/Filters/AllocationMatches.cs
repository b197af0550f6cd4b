namespace Ingot.Core.Machines.Filters;

/// <summary>
/// What <c>op=allocate</c> with <c>verbose</c> adds to <c>constraints_by_type</c> (MAAS's <c>verbose_storage</c> and
/// <c>verbose_interfaces</c>): the matches of the labelled storage and interface constraints on every candidate, not only
/// on the machine taken. <see cref="Storage"/> is machine id → block device id → label; <see cref="Interfaces"/> is
/// label → machine id → interface ids. Both are empty when no such constraint was given.
/// </summary>
public sealed record AllocationMatches(
    IReadOnlyDictionary<long, IReadOnlyDictionary<long, string>> Storage,
    IReadOnlyDictionary<string, IReadOnlyDictionary<long, IReadOnlyList<long>>> Interfaces)
{
    /// <summary>The matches of <paramref name="filter"/>'s storage and interface constraints on each of <paramref name="candidates"/>.</summary>
    public static AllocationMatches Of(MachineFilter filter, IEnumerable<Machine> candidates)
    {
        var storage = new Dictionary<long, IReadOnlyDictionary<long, string>>();
        var interfaces = new Dictionary<string, Dictionary<long, IReadOnlyList<long>>>(StringComparer.Ordinal);
        foreach (Machine machine in candidates)
        {
            if (filter.Storage?.Match(machine) is { } disks)
            {
                storage[machine.Id] = disks.ToDictionary(p => p.Value.Id, p => p.Key);
            }

            foreach ((string label, Hardware.NetworkInterface nic) in filter.Interfaces?.Match(machine) ?? new Dictionary<string, Hardware.NetworkInterface>())
            {
                if (!interfaces.TryGetValue(label, out Dictionary<long, IReadOnlyList<long>>? byMachine))
                {
                    interfaces[label] = byMachine = [];
                }

                byMachine[machine.Id] = [nic.Id];
            }
        }

        return new AllocationMatches(storage, interfaces.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<long, IReadOnlyList<long>>)p.Value, StringComparer.Ordinal));
    }
}
