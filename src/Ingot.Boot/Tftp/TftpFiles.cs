using System.Collections.Frozen;

namespace Ingot.Boot.Tftp;

/// <summary>
/// What the TFTP server serves: an allow-list, nothing else. Names map to files on disk (the
/// first-stage boot loaders) or to generated content (configs). Lookup is by exact name after one
/// leading <c>/</c> is dropped; names with <c>..</c>, a backslash or a NUL, and absolute paths that are
/// not on the list, are refused with Access violation, anything else not listed is File not found.
/// Files on disk are read on first use and re-read when their size or time changes.
/// </summary>
public sealed class TftpFiles
{
    private readonly FrozenDictionary<string, string> _onDisk;
    private readonly FrozenDictionary<string, ReadOnlyMemory<byte>> _generated;
    private readonly Dictionary<string, (long Length, DateTime Written, byte[] Bytes)> _cache = new(StringComparer.Ordinal);
    private readonly Lock _cacheLock = new();

    /// <param name="onDisk">Served name → path on disk.</param>
    /// <param name="generated">Served name → content.</param>
    public TftpFiles(IReadOnlyDictionary<string, string> onDisk, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> generated)
    {
        _onDisk = onDisk.ToFrozenDictionary(StringComparer.Ordinal);
        _generated = generated.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every name served.</summary>
    public IEnumerable<string> Names => _onDisk.Keys.Concat(_generated.Keys).Order(StringComparer.Ordinal);

    public TftpLookup Find(string requested)
    {
        if (IsTraversal(requested))
        {
            return TftpLookup.Refused(TftpErrorCode.AccessViolation, "Access violation");
        }

        string name = requested.StartsWith('/') ? requested[1..] : requested;
        if (_generated.TryGetValue(name, out ReadOnlyMemory<byte> content))
        {
            return TftpLookup.Found(content);
        }

        if (_onDisk.TryGetValue(name, out string? path) && Read(name, path) is { } bytes)
        {
            return TftpLookup.Found(bytes);
        }

        return requested.StartsWith('/') && requested.IndexOf('/', 1) >= 0
            ? TftpLookup.Refused(TftpErrorCode.AccessViolation, "Access violation")
            : TftpLookup.Refused(TftpErrorCode.FileNotFound, "File not found");
    }

    private static bool IsTraversal(string name) =>
        name.Contains('\\', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal) ||
        name.Split('/').Any(segment => segment == "..");

    private byte[]? Read(string name, string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            lock (_cacheLock)
            {
                if (_cache.TryGetValue(name, out var cached) && cached.Length == info.Length && cached.Written == info.LastWriteTimeUtc)
                {
                    return cached.Bytes;
                }
            }

            byte[] bytes = File.ReadAllBytes(path);
            lock (_cacheLock)
            {
                _cache[name] = (info.Length, info.LastWriteTimeUtc, bytes);
            }

            return bytes;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
