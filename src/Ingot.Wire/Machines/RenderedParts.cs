using System.Buffers;
using System.Text.Json;

namespace Ingot.Wire.Machines;

/// <summary>
/// A scratch buffer for the parts of one machine that its JSON repeats: each interface appears in
/// <c>interface_set</c> and again as <c>boot_interface</c>, each disk in <c>blockdevice_set</c>,
/// <c>physicalblockdevice_set</c> and <c>boot_disk</c>. Each part is rendered once here and its bytes
/// copied where they appear. One instance serves a whole list, on one thread.
/// </summary>
internal sealed class RenderedParts : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly List<Range> _parts = [];

    public RenderedParts() => Writer = new Utf8JsonWriter(_buffer, MachineJson.WriterOptions);

    /// <summary>Write one part with this writer, then call <see cref="EndPart"/>.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>The bytes of the part numbered <paramref name="index"/>, in the order they were written.</summary>
    public ReadOnlySpan<byte> this[int index] => _buffer.WrittenSpan[_parts[index]];

    /// <summary>Forgets the previous machine's parts.</summary>
    public void Clear()
    {
        Writer.Reset(_buffer);
        _buffer.ResetWrittenCount();
        _parts.Clear();
    }

    /// <summary>Closes the part just written and returns its index.</summary>
    public int EndPart()
    {
        Writer.Flush();
        int start = _parts.Count == 0 ? 0 : _parts[^1].End.Value;
        _parts.Add(start.._buffer.WrittenCount);
        Writer.Reset(_buffer);
        return _parts.Count - 1;
    }

    public void Dispose() => Writer.Dispose();
}
