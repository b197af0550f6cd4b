namespace Ingot.Core.Zones;

/// <summary>
/// Where zones live. Names are unique. Renaming a zone renames it on its machines and deleting one
/// moves its machines to the default zone, each in the same transaction as the zone change (the
/// machines' versions go up, so a machine loaded before the change cannot be saved over it).
/// </summary>
public interface IZoneStore
{
    /// <summary>Every zone, by name.</summary>
    Task<IReadOnlyList<Zone>> ListAsync(CancellationToken ct);

    Task<Zone?> FindAsync(string name, CancellationToken ct);

    /// <summary>Whether a zone of this name exists: what Core asks before putting a machine in it.</summary>
    Task<bool> ExistsAsync(string name, CancellationToken ct);

    /// <summary>Inserts a zone; a taken name is refused with MAAS's field error (400).</summary>
    Task AddAsync(Zone zone, CancellationToken ct);

    /// <summary>
    /// Saves <paramref name="zone"/>'s name and description over the zone now called
    /// <paramref name="currentName"/>, moving its machines to the new name; false when there is no
    /// such zone; a taken name is refused with MAAS's field error (400).
    /// </summary>
    Task<bool> UpdateAsync(string currentName, Zone zone, CancellationToken ct);

    /// <summary>Deletes the zone and moves its machines to the default zone; false when there is no such zone.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken ct);
}
