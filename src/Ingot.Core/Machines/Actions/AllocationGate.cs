namespace Ingot.Core.Machines.Actions;

/// <summary>
/// How many allocations one process runs at once; the others queue here. A crowd of concurrent
/// <c>op=allocate</c> requests all reading the same READY machines and racing for the cheapest one
/// costs more than it gains: on PostgreSQL 200 at once opened up to the pool's 100 connections and
/// took 7–8 s for 50 machines, where four at a time took 2.2–2.5 s on the same loaded machine. A
/// request that comes through the gate after the machines ran out reads an empty shortlist at once.
/// Other processes (regions) sharing the database are still kept apart by the store's compare-and-set.
/// </summary>
internal static class AllocationGate
{
    public const int Width = 4;

    public static SemaphoreSlim Slots { get; } = new(Width, Width);
}
