using System.Text.Json;
using Ingot.Core.Machines;
using Ingot.Wire.Machines;

namespace Ingot.Wire.Tests.Machines;

/// <summary>Renders through the public API and parses the bytes back, so every test also proves the output is JSON.</summary>
internal static class Rendered
{
    public static JsonElement Machine(Machine machine, MachineJsonContext context) =>
        JsonDocument.Parse(MachineJson.Render(machine, context)).RootElement.Clone();

    public static JsonElement Allocated(Machine machine, MachineJsonContext context, ConstraintsByType constraints)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        MachineJson.Render(machine, context, constraints, buffer);
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }

    /// <summary>The object keys of an element, in order.</summary>
    public static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
