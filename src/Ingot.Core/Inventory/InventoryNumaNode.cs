namespace Ingot.Core.Inventory;

/// <summary>A NUMA node: its index, the thread ids on it, its memory in MiB and its hugepages.</summary>
public sealed record InventoryNumaNode(int Index, IReadOnlyList<int> Cores, long Memory, long Hugepages);
