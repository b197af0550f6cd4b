using Ingot.Core.Machines;

namespace Ingot.Benchmarks;

/// <summary>The store read the machines/ list uses (one place, so the benchmark follows the store's API).</summary>
internal static class MachineReads
{
    public static Task<IReadOnlyList<Machine>> ListForDisplayAsync(this IMachineStore store, CancellationToken ct) =>
        store.ListAsync(MachineQuery.ForDisplay, ct);
}
