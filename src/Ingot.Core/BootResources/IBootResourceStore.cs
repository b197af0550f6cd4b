namespace Ingot.Core.BootResources;

/// <summary>Where boot resources, their sets and their files are recorded (the content itself is in <see cref="IBootResourceContent"/>).</summary>
public interface IBootResourceStore
{
    /// <summary>Every resource with its sets and files, ordered by type, name and architecture; only one type when given.</summary>
    Task<IReadOnlyList<BootResource>> ListAsync(BootResourceType? type, CancellationToken ct);

    /// <summary>The resource with its sets and files, or null.</summary>
    Task<BootResource?> FindAsync(long id, CancellationToken ct);

    /// <summary>The resource of this type, name and architecture with its sets and files, or null.</summary>
    Task<BootResource?> FindAsync(BootResourceType type, string name, string architecture, CancellationToken ct);

    /// <summary>Inserts the resource with its sets and files; their ids are set.</summary>
    Task AddAsync(BootResource resource, CancellationToken ct);

    /// <summary>Adds a set (with its files) to an existing resource; ids are set. False when there is no such resource.</summary>
    Task<bool> AddSetAsync(long resourceId, BootResourceSet set, CancellationToken ct);

    /// <summary>Saves a file's <see cref="BootResourceFile.Complete"/> and <see cref="BootResourceFile.Received"/>.</summary>
    Task UpdateFileAsync(BootResourceFile file, CancellationToken ct);

    /// <summary>Deletes the resource with its sets and files; the deleted resource, or null when there was none.</summary>
    Task<BootResource?> DeleteAsync(long id, CancellationToken ct);

    /// <summary>Whether any file of any resource has this content.</summary>
    Task<bool> IsContentUsedAsync(string sha256, CancellationToken ct);
}
