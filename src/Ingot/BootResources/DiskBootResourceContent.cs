using System.Security.Cryptography;
using Ingot.Core.BootResources;

namespace Ingot.BootResources;

/// <summary>
/// <see cref="IBootResourceContent"/> on local disk: <c>DATA/boot-resources/sha256/ab/abcdef…</c>. Content is
/// written to <c>tmp/</c> while it is hashed and moved into place only when it is whole and right, so a
/// path in the store always holds the content its name says. Partial uploads live in <c>parts/</c>.
/// </summary>
public sealed class DiskBootResourceContent : IBootResourceContent
{
    private const int BufferSize = 1 << 20;
    private readonly string _content;
    private readonly string _temp;
    private readonly string _parts;

    public DiskBootResourceContent(string root)
    {
        _content = Path.Combine(root, "sha256");
        _temp = Path.Combine(root, "tmp");
        _parts = Path.Combine(root, "parts");
        Directory.CreateDirectory(_content);
        Directory.CreateDirectory(_temp);
        Directory.CreateDirectory(_parts);
    }

    public string PathOf(string sha256) => Path.Combine(_content, sha256[..Math.Min(2, sha256.Length)], sha256);

    public bool Has(string sha256) => IsSha256(sha256) && File.Exists(PathOf(sha256));

    public async Task<StoredContent> StoreAsync(Stream source, StoredContent? expected, IProgress<long>? progress, CancellationToken ct)
    {
        string temp = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        try
        {
            StoredContent stored;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                stored = await CopyHashedAsync(source, file, expected?.Size, progress, ct);
            }

            return Commit(temp, stored, expected);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<long> AppendPartAsync(string key, ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        await using var file = new FileStream(PartPath(key), FileMode.Append, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        await file.WriteAsync(chunk, ct);
        return file.Length;
    }

    public async Task<StoredContent> CommitPartAsync(string key, StoredContent expected, CancellationToken ct)
    {
        string part = PartPath(key);
        try
        {
            StoredContent stored;
            await using (var file = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true))
            {
                stored = await CopyHashedAsync(file, Stream.Null, null, null, ct);
            }

            return Commit(part, stored, expected);
        }
        finally
        {
            File.Delete(part);
        }
    }

    public void DiscardPart(string key) => File.Delete(PartPath(key));

    public void Delete(string sha256)
    {
        if (IsSha256(sha256))
        {
            File.Delete(PathOf(sha256));
        }
    }

    private StoredContent Commit(string file, StoredContent stored, StoredContent? expected)
    {
        if (expected is { } want && (want.Size != stored.Size || !string.Equals(want.Sha256, stored.Sha256, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ContentMismatchException(
                $"expected SHA-256 {want.Sha256} and {want.Size} bytes, received SHA-256 {stored.Sha256} and {stored.Size} bytes.");
        }

        string target = PathOf(stored.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            File.Move(file, target, overwrite: true);
        }

        return stored;
    }

    private static async Task<StoredContent> CopyHashedAsync(Stream source, Stream target, long? limit, IProgress<long>? progress, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new ContentMismatchException($"received more than the {limit} bytes expected.");
            }

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            progress?.Report(read);
        }

        return new StoredContent(Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    private string PartPath(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? Path.Combine(_parts, key) : throw new ArgumentException("A part key is letters, digits and dashes.", nameof(key));

    private static bool IsSha256(string sha256) => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigit);
}
