using Ingot.Core.BootResources.Streams;

namespace Ingot.Core.BootResources;

/// <summary>
/// One import run (MAAS's <c>import_resources</c>): for every boot source with selections, reads its
/// simplestreams index — unsigned when the URL ends in <c>streams/v1/index.json</c>, otherwise
/// <c>streams/v1/index.sjson</c> checked against the source's keyring — then the product files, and downloads
/// the newest version of each selected product. Every file is checked against its SHA-256 and size; a
/// product with a bad or missing file is reported and not recorded, so no resource is ever marked
/// complete with content it does not have. A finished product becomes a synced resource set.
/// </summary>
public sealed class BootResourceImport(
    BootSourceOperations sources,
    IBootSourceStore sourceStore,
    BootResourceOperations resources,
    IBootResourceStore resourceStore,
    IBootResourceContent content,
    IBootSourceMirror mirror,
    IStreamSignature signature)
{
    private const string UnsignedIndex = "streams/v1/index.json";
    private const string SignedIndex = "streams/v1/index.sjson";

    private static readonly HashSet<string> s_skipped = new(StringComparer.Ordinal) { "manifest", "root-image.gz" };

    public async Task RunAsync(BootResourceImportStatus status, CancellationToken ct)
    {
        await sources.EnsureDefaultAsync(ct);
        foreach (BootSource source in (await sourceStore.ListAsync(ct)).OrderByDescending(s => s.Priority).ThenBy(s => s.Id))
        {
            IReadOnlyList<BootSourceSelection> selections = await sourceStore.ListSelectionsAsync(source.Id, ct);
            if (selections.Count == 0)
            {
                status.Info($"Boot source {source.Url} has no selections; nothing to import from it.");
                continue;
            }

            try
            {
                await ImportSourceAsync(source, selections, status, ct);
            }
            catch (Exception e) when (e is BootSourceUnreachableException or StreamSignatureException or StreamFormatException)
            {
                status.Error($"Failed to import images from boot source {source.Url}: {e.Message}");
            }
        }
    }

    private async Task ImportSourceAsync(BootSource source, IReadOnlyList<BootSourceSelection> selections, BootResourceImportStatus status, CancellationToken ct)
    {
        (string root, string indexPath) = Locate(source.Url);
        status.Info($"Reading {root}{indexPath}");
        var items = new List<StreamItem>();
        foreach (StreamIndex.Entry entry in StreamIndex.Parse(await ReadAsync(source, root, indexPath, ct)))
        {
            items.AddRange(StreamProducts.Parse(await ReadAsync(source, root, entry.Path, ct))
                .Where(i => !s_skipped.Contains(i.FileType) && selections.Any(s => s.Selects(i.Os, i.Release, i.Arch, i.Subarch, i.Label))));
        }

        List<IGrouping<string, StreamItem>> products = [.. items.GroupBy(i => i.Product)];
        status.Info($"Boot source {source.Url}: {products.Count} selected product(s).");
        status.AddTotal(items.Where(i => !content.Has(i.Sha256)).DistinctBy(i => i.Sha256).Sum(i => i.Size));
        foreach (IGrouping<string, StreamItem> product in products)
        {
            await ImportProductAsync(root, [.. product], status, ct);
        }
    }

    private async Task ImportProductAsync(string root, List<StreamItem> items, BootResourceImportStatus status, CancellationToken ct)
    {
        StreamItem first = items[0];
        string name = $"{first.Os}/{first.Release}";
        string architecture = $"{first.Arch}/{first.Subarch}";
        BootResource? existing = await resourceStore.FindAsync(BootResourceType.Synced, name, architecture, ct);
        if (existing?.Sets.Any(s => s.Version == first.Version && s.Complete) == true)
        {
            status.Info($"{name} {architecture} {first.Version} is already imported.");
            return;
        }

        var files = new List<BootResourceFile>();
        foreach (StreamItem item in items)
        {
            if (!content.Has(item.Sha256) && !await DownloadAsync(root, item, status, ct))
            {
                status.Error($"{name} {architecture} {first.Version} was not imported: {item.Path} is missing or damaged.");
                return;
            }

            files.Add(new BootResourceFile { Filename = item.FileType, FileType = item.FileType, Sha256 = item.Sha256, Size = item.Size, Complete = true });
        }

        await resources.AddSetAsync(BootResourceType.Synced, name, architecture, first.Label, files, Extra(first), "", ct, first.Version);
        status.Info($"Imported {name} {architecture} {first.Version} ({files.Count} file(s)).");
    }

    private async Task<bool> DownloadAsync(string root, StreamItem item, BootResourceImportStatus status, CancellationToken ct)
    {
        var progress = new Progress(status);
        try
        {
            status.Info($"Downloading {item.Path} ({item.Size} bytes)");
            await using Stream stream = await mirror.OpenAsync(root + item.Path, ct);
            await content.StoreAsync(stream, new StoredContent(item.Sha256, item.Size), progress, ct);
            return true;
        }
        catch (ContentMismatchException e)
        {
            status.Error($"Checksum failure for {item.Path}: {e.Message} The file was discarded.");
        }
        catch (BootSourceUnreachableException e)
        {
            status.Error($"Could not download {item.Path}: {e.Message}");
        }

        status.AddDone(-progress.Done);
        return false;
    }

    private async Task<byte[]> ReadAsync(BootSource source, string root, string path, CancellationToken ct)
    {
        byte[] data;
        await using (Stream stream = await mirror.OpenAsync(root + path, ct))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            data = buffer.ToArray();
        }

        if (!path.EndsWith(".sjson", StringComparison.Ordinal))
        {
            return data;
        }

        return source.SkipKeyringVerification ? ClearSigned.Extract(data) : await signature.VerifyAsync(data, source, ct);
    }

    /// <summary>The mirror's root (ending in a slash) and the index path under it, as MAAS reads a boot source URL.</summary>
    public static (string Root, string IndexPath) Locate(string url)
    {
        foreach (string index in (string[])[UnsignedIndex, SignedIndex])
        {
            if (url.EndsWith(index, StringComparison.Ordinal))
            {
                return (url[..^index.Length], index);
            }
        }

        return (url.EndsWith('/') ? url : url + "/", SignedIndex);
    }

    private static Dictionary<string, string> Extra(StreamItem item)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in (string[])["subarches", "kflavor", "title", "release_title"])
        {
            if (item.Fields.GetValueOrDefault(key) is { Length: > 0 } value)
            {
                extra[key] = value;
            }
        }

        return extra;
    }

    private sealed class Progress(BootResourceImportStatus status) : IProgress<long>
    {
        public long Done { get; private set; }

        public void Report(long value)
        {
            Done += value;
            status.AddDone(value);
        }
    }
}
