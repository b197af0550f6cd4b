namespace Ingot.Core.Hardware;

/// <summary>A NUMA node of a machine (MAAS's <c>NUMANode</c>): its index, the CPU threads on it and its memory in MiB.</summary>
public sealed record NumaNode(int Index, IReadOnlyList<int> Cores, long Memory);
