namespace Ingot.Core.Machines.Filters;

/// <summary>
/// What <c>op=allocate</c> chose: the machine, and for the labelled storage and interface
/// constraints the ids each label was met by — MAAS's <c>constraints_by_type</c>; with <c>verbose</c>, the
/// matches on every candidate (<see cref="Verbose"/>, else null).
/// </summary>
public sealed record Allocation(
    Machine Machine,
    IReadOnlyDictionary<string, IReadOnlyList<long>> Storage,
    IReadOnlyDictionary<string, IReadOnlyList<long>> Interfaces)
{
    public AllocationMatches? Verbose { get; init; }
}
