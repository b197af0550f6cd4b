namespace Ingot.Core.Tags;

/// <summary>
/// Where tags live. Names are unique. Renaming a tag renames it on every machine that carries it,
/// and deleting one removes it from them, in the same transaction (their versions go up).
/// </summary>
public interface ITagStore
{
    /// <summary>Every tag, by name.</summary>
    Task<IReadOnlyList<Tag>> ListAsync(CancellationToken ct);

    Task<Tag?> FindAsync(string name, CancellationToken ct);

    /// <summary>Whether a tag of this name exists: what Core asks before putting it on a machine.</summary>
    Task<bool> ExistsAsync(string name, CancellationToken ct);

    /// <summary>The system ids of the machines that carry the tag, in id order.</summary>
    Task<IReadOnlyList<string>> MachinesAsync(string name, CancellationToken ct);

    /// <summary>Inserts a tag; a taken name is refused with MAAS's field error (400).</summary>
    Task AddAsync(Tag tag, CancellationToken ct);

    /// <summary>
    /// Saves <paramref name="tag"/> (found by its id), renaming it on its machines if the name
    /// changed; false when there is no such tag; a taken name is refused (400).
    /// </summary>
    Task<bool> UpdateAsync(Tag tag, CancellationToken ct);

    /// <summary>Deletes the tag and removes it from its machines; false when there is no such tag.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken ct);
}
