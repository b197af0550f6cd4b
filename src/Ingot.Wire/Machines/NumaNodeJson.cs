using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>A machine's <c>numanode_set</c>: index, cores (thread ids), memory (MiB), hugepages_set.</summary>
internal static class NumaNodeJson
{
    /// <summary>
    /// The NUMA nodes commissioning found; before that, MAAS's one node (index 0) holding every core
    /// and all the memory.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Machine machine)
    {
        writer.WriteStartArray("numanode_set"u8);
        if (machine.NumaNodes.Count == 0)
        {
            WriteNumaNode(writer, 0, Enumerable.Range(0, machine.CpuCount), machine.Memory);
        }

        foreach (NumaNode node in machine.NumaNodes)
        {
            WriteNumaNode(writer, node.Index, node.Cores, node.Memory);
        }

        writer.WriteEndArray();
    }

    private static void WriteNumaNode(Utf8JsonWriter writer, int index, IEnumerable<int> cores, long memory)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, index);
        writer.WriteStartArray("cores"u8);
        foreach (int core in cores)
        {
            writer.WriteNumberValue(core);
        }

        writer.WriteEndArray();
        writer.WriteNumber("memory"u8, memory);
        writer.WriteStartArray("hugepages_set"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
