namespace Ingot.Core.Scripts.Catalog;

/// <summary>Where user scripts and their versions live (built-ins are never stored).</summary>
public interface IScriptStore
{
    /// <summary>Every user script with its versions, by name.</summary>
    Task<IReadOnlyList<Script>> ListAsync(CancellationToken ct);

    Task<Script?> FindAsync(string name, CancellationToken ct);

    Task<Script?> FindByRowIdAsync(long rowId, CancellationToken ct);

    /// <summary>Adds the script and its versions (ids assigned); false when the name is taken.</summary>
    Task<bool> AddAsync(Script script, CancellationToken ct);

    /// <summary>
    /// Saves the script's fields and its version list as given: versions without an id are added, stored
    /// versions missing from the list are deleted (revert). False when the new name is taken.
    /// </summary>
    Task<bool> UpdateAsync(Script script, CancellationToken ct);

    Task<bool> DeleteAsync(long rowId, CancellationToken ct);
}
