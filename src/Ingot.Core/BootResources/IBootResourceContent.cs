namespace Ingot.Core.BootResources;

/// <summary>
/// Port: the content of boot resource files on local disk, addressed by SHA-256, so that one content is
/// stored once whatever resources use it. Partial uploads are kept apart until they are complete.
/// </summary>
public interface IBootResourceContent
{
    /// <summary>Where the content with this SHA-256 is (or would be) on disk.</summary>
    string PathOf(string sha256);

    bool Has(string sha256);

    /// <summary>
    /// Reads <paramref name="source"/> to its end into the store, hashing as it goes. When
    /// <paramref name="expected"/> is given and the content differs in size or SHA-256, nothing is kept and
    /// <see cref="ContentMismatchException"/> is thrown. <paramref name="progress"/> gets byte counts as they arrive.
    /// </summary>
    Task<StoredContent> StoreAsync(Stream source, StoredContent? expected, IProgress<long>? progress, CancellationToken ct);

    /// <summary>Appends a chunk to the partial upload <paramref name="key"/>; returns its size after the chunk.</summary>
    Task<long> AppendPartAsync(string key, ReadOnlyMemory<byte> chunk, CancellationToken ct);

    /// <summary>Moves the finished partial upload into the store if it is <paramref name="expected"/>; else discards it and throws <see cref="ContentMismatchException"/>.</summary>
    Task<StoredContent> CommitPartAsync(string key, StoredContent expected, CancellationToken ct);

    void DiscardPart(string key);

    /// <summary>Removes the content (nothing happens when it is absent).</summary>
    void Delete(string sha256);
}
