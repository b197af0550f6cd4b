using System.Buffers;
using System.Text.Json;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>
/// Renders machines one at a time to separate byte arrays, each exactly what
/// <see cref="MachineJson.RenderListAsync(IEnumerable{Machine}, MachineJsonContext, Stream, JsonWriterOptions, CancellationToken)"/>
/// writes for that machine with the same options, so that a list may be put together from machines
/// rendered earlier. The scratch buffers are reused; one instance serves one thread at a time.
/// </summary>
public sealed class MachineItemRenderer(JsonWriterOptions options) : IDisposable
{
    private readonly RenderedParts _parts = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter? _writer;

    /// <summary>One machine object as the list writes it.</summary>
    public byte[] Render(Machine machine, MachineJsonContext context)
    {
        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, options);
        }
        else
        {
            _writer.Reset(_buffer);
        }

        MachineJson.WriteMachine(_writer, machine, context, null, _parts);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _parts.Dispose();
    }
}
