using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Ingot.Tests.BootResources;

/// <summary>Reads a gzipped cpio archive in the <c>newc</c> format (an initramfs): its entries' names and contents.</summary>
public static class NewcArchive
{
    private const int HeaderSize = 110;

    public static IReadOnlyDictionary<string, byte[]> ReadGzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return Read(buffer.ToArray());
    }

    public static IReadOnlyDictionary<string, byte[]> Read(byte[] archive)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int offset = 0;
        while (offset + HeaderSize <= archive.Length)
        {
            string header = Encoding.ASCII.GetString(archive, offset, HeaderSize);
            Assert.Equal("070701", header[..6]);
            int fileSize = Hex(header, 6);
            int nameSize = Hex(header, 11);
            string name = Encoding.ASCII.GetString(archive, offset + HeaderSize, nameSize - 1);
            int data = Align(offset + HeaderSize + nameSize);
            if (name == "TRAILER!!!")
            {
                break;
            }

            entries[name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name] = archive[data..(data + fileSize)];
            offset = Align(data + fileSize);
        }

        return entries;
    }

    private static int Hex(string header, int field) =>
        int.Parse(header.AsSpan(6 + (field * 8), 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static int Align(int offset) => (offset + 3) & ~3;
}
