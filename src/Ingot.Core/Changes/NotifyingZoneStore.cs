using Ingot.Core.Zones;

namespace Ingot.Core.Changes;

/// <summary>An <see cref="IZoneStore"/> that publishes <see cref="InventoryKind.Zones"/> after every write.</summary>
public sealed class NotifyingZoneStore(IZoneStore inner, InventoryChangeFeed feed) : IZoneStore
{
    public Task<IReadOnlyList<Zone>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task<Zone?> FindAsync(string name, CancellationToken ct) => inner.FindAsync(name, ct);

    public Task<bool> ExistsAsync(string name, CancellationToken ct) => inner.ExistsAsync(name, ct);

    public Task AddAsync(Zone zone, CancellationToken ct) => feed.AfterAsync(InventoryKind.Zones, inner.AddAsync(zone, ct));

    public Task<bool> UpdateAsync(string currentName, Zone zone, CancellationToken ct) =>
        feed.AfterAsync(InventoryKind.Zones, inner.UpdateAsync(currentName, zone, ct));

    public Task<bool> DeleteAsync(string name, CancellationToken ct) => feed.AfterAsync(InventoryKind.Zones, inner.DeleteAsync(name, ct));
}
