using System.Buffers.Binary;
using System.Text;

namespace Ingot.Api.Machines;

/// <summary>
/// The one BSON document of <c>op=details</c>: <c>{"lldp": &lt;binary|null&gt;, "lshw": &lt;binary|null&gt;}</c>
/// (bsonspec.org: int32 total length, elements of type 0x05 binary with subtype 0x00 or 0x0A null,
/// each named by a NUL-terminated key, then a final 0x00). Enough BSON for that document, no more.
/// </summary>
internal static class DetailsBson
{
    public const string ContentType = "application/bson";

    private const byte BinaryType = 0x05;
    private const byte NullType = 0x0A;
    private const byte GenericSubtype = 0x00;

    public static byte[] Render(byte[]? lldp, byte[]? lshw)
    {
        using var body = new MemoryStream();
        WriteElement(body, "lldp", lldp);
        WriteElement(body, "lshw", lshw);
        body.WriteByte(0);

        byte[] document = new byte[4 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(document, document.Length);
        body.ToArray().CopyTo(document, 4);
        return document;
    }

    private static void WriteElement(MemoryStream output, string name, byte[]? value)
    {
        output.WriteByte(value is null ? NullType : BinaryType);
        output.Write(Encoding.UTF8.GetBytes(name));
        output.WriteByte(0);
        if (value is null)
        {
            return;
        }

        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, value.Length);
        output.Write(length);
        output.WriteByte(GenericSubtype);
        output.Write(value);
    }
}
