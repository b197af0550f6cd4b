namespace Ingot.Core.Domains;

/// <summary>
/// Where DNS domains live. Names are unique. Renaming a domain renames it on its machines in the
/// same transaction (their versions go up); a domain with machines is never deleted.
/// </summary>
public interface IDomainStore
{
    /// <summary>Every domain, by name.</summary>
    Task<IReadOnlyList<Domain>> ListAsync(CancellationToken ct);

    Task<Domain?> FindAsync(string name, CancellationToken ct);

    Task<Domain?> FindByIdAsync(long id, CancellationToken ct);

    /// <summary>Whether a domain of this name exists: what Core asks before putting a machine in it.</summary>
    Task<bool> ExistsAsync(string name, CancellationToken ct);

    /// <summary>How many machines are in the domain.</summary>
    Task<int> MachineCountAsync(string name, CancellationToken ct);

    /// <summary>Inserts a domain; a taken name is refused with MAAS's field error (400).</summary>
    Task AddAsync(Domain domain, CancellationToken ct);

    /// <summary>
    /// Saves <paramref name="domain"/> (found by its id), moving its machines to a new name; false
    /// when there is no such domain; a taken name is refused (400).
    /// </summary>
    Task<bool> UpdateAsync(Domain domain, CancellationToken ct);

    /// <summary>Deletes the domain with this id unless machines are in it.</summary>
    Task<DomainDeletion> DeleteAsync(long id, CancellationToken ct);
}
