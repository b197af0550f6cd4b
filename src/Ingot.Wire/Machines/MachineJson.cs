using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>
/// The machine JSON of MAAS's API 2.0 (maas-api.md §5): a pure renderer from the
/// <see cref="Machine"/> aggregate and a <see cref="MachineJsonContext"/> to UTF-8 JSON, written
/// straight to a <see cref="Utf8JsonWriter"/>, a buffer or a stream. Lists are bare arrays.
/// </summary>
public static partial class MachineJson
{
    /// <summary>Compact output; non-ASCII and quotes are not escaped (the body is JSON, never HTML).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Flush threshold for <c>RenderListAsync</c>: keep the pending buffer small.</summary>
    private const int FlushBytes = 64 * 1024;

    /// <summary>Writes one machine object.</summary>
    public static void Write(Utf8JsonWriter writer, Machine machine, MachineJsonContext context)
    {
        using var parts = new RenderedParts();
        WriteMachine(writer, machine, context, null, parts);
    }

    /// <summary>Writes one machine object as <c>op=allocate</c> returns it: with <c>constraints_by_type</c>.</summary>
    public static void Write(Utf8JsonWriter writer, Machine machine, MachineJsonContext context, ConstraintsByType constraints)
    {
        using var parts = new RenderedParts();
        WriteMachine(writer, machine, context, constraints, parts);
    }

    /// <summary>Writes a JSON array of machine objects, in the order given (MAAS orders by id).</summary>
    public static void WriteList(Utf8JsonWriter writer, IEnumerable<Machine> machines, MachineJsonContext context)
    {
        using var parts = new RenderedParts();
        writer.WriteStartArray();
        foreach (Machine machine in machines)
        {
            WriteMachine(writer, machine, context, null, parts);
        }

        writer.WriteEndArray();
    }

    /// <summary>One machine as UTF-8 JSON bytes.</summary>
    public static byte[] Render(Machine machine, MachineJsonContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        Render(machine, context, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One machine into <paramref name="output"/>.</summary>
    public static void Render(Machine machine, MachineJsonContext context, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(writer, machine, context);
    }

    /// <summary>An <c>op=allocate</c> response into <paramref name="output"/>.</summary>
    public static void Render(Machine machine, MachineJsonContext context, ConstraintsByType constraints, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(writer, machine, context, constraints);
    }

    /// <summary>A list of machines into <paramref name="output"/>.</summary>
    public static void RenderList(IEnumerable<Machine> machines, MachineJsonContext context, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        WriteList(writer, machines, context);
    }

    /// <summary>A list of machines streamed to <paramref name="stream"/> (e.g. a response body), flushed in chunks.</summary>
    public static Task RenderListAsync(IEnumerable<Machine> machines, MachineJsonContext context, Stream stream, CancellationToken ct) =>
        RenderListAsync(machines, context, stream, WriterOptions, ct);

    /// <summary>
    /// A list of machines streamed to <paramref name="stream"/> with the top-level writer's
    /// <paramref name="options"/> (the nested parts are always written with <see cref="WriterOptions"/>),
    /// flushed every 64 KiB so that the whole document is never held in memory.
    /// </summary>
    public static async Task RenderListAsync(IEnumerable<Machine> machines, MachineJsonContext context, Stream stream, JsonWriterOptions options, CancellationToken ct)
    {
        await using var writer = new Utf8JsonWriter(stream, options);
        using var parts = new RenderedParts();
        writer.WriteStartArray();
        foreach (Machine machine in machines)
        {
            WriteMachine(writer, machine, context, null, parts);
            if (writer.BytesPending >= FlushBytes)
            {
                await writer.FlushAsync(ct).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(ct).ConfigureAwait(false);
    }
}
