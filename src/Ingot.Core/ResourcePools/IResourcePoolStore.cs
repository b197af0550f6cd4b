namespace Ingot.Core.ResourcePools;

/// <summary>
/// Where resource pools live. Names are unique. Renaming a pool renames it on its machines in the
/// same transaction (their versions go up); a pool with machines is never deleted.
/// </summary>
public interface IResourcePoolStore
{
    /// <summary>Every pool, by name.</summary>
    Task<IReadOnlyList<ResourcePool>> ListAsync(CancellationToken ct);

    Task<ResourcePool?> FindAsync(string name, CancellationToken ct);

    Task<ResourcePool?> FindByIdAsync(long id, CancellationToken ct);

    /// <summary>Whether a pool of this name exists: what Core asks before putting a machine in it.</summary>
    Task<bool> ExistsAsync(string name, CancellationToken ct);

    /// <summary>Inserts a pool; a taken name is refused with MAAS's field error (400).</summary>
    Task AddAsync(ResourcePool pool, CancellationToken ct);

    /// <summary>
    /// Saves <paramref name="pool"/>'s name and description (found by its id), moving its machines
    /// to the new name; false when there is no such pool; a taken name is refused (400).
    /// </summary>
    Task<bool> UpdateAsync(ResourcePool pool, CancellationToken ct);

    /// <summary>Deletes the pool with this id unless machines are in it.</summary>
    Task<PoolDeletion> DeleteAsync(long id, CancellationToken ct);
}
