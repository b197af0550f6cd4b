namespace Ingot.Core.BootResources;

/// <summary>Where boot sources and their selections live. Deleting a source deletes its selections.</summary>
public interface IBootSourceStore
{
    Task<IReadOnlyList<BootSource>> ListAsync(CancellationToken ct);

    Task<BootSource?> FindAsync(long id, CancellationToken ct);

    /// <summary>Inserts a source; a URL already used by another source is refused with MAAS's field error (400).</summary>
    Task AddAsync(BootSource source, CancellationToken ct);

    /// <summary>Saves every field of the source; false when there is no such source.</summary>
    Task<bool> UpdateAsync(BootSource source, CancellationToken ct);

    Task<bool> DeleteAsync(long id, CancellationToken ct);

    Task<IReadOnlyList<BootSourceSelection>> ListSelectionsAsync(long bootSourceId, CancellationToken ct);

    Task<BootSourceSelection?> FindSelectionAsync(long bootSourceId, long id, CancellationToken ct);

    /// <summary>Inserts a selection; a second selection of the same os and release on a source is refused (400).</summary>
    Task AddSelectionAsync(BootSourceSelection selection, CancellationToken ct);

    Task<bool> UpdateSelectionAsync(BootSourceSelection selection, CancellationToken ct);

    Task<bool> DeleteSelectionAsync(long bootSourceId, long id, CancellationToken ct);
}
