using Ingot.Core.ResourcePools;

namespace Ingot.Core.Changes;

/// <summary>An <see cref="IResourcePoolStore"/> that publishes <see cref="InventoryKind.ResourcePools"/> after every write.</summary>
public sealed class NotifyingResourcePoolStore(IResourcePoolStore inner, InventoryChangeFeed feed) : IResourcePoolStore
{
    public Task<IReadOnlyList<ResourcePool>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task<ResourcePool?> FindAsync(string name, CancellationToken ct) => inner.FindAsync(name, ct);

    public Task<ResourcePool?> FindByIdAsync(long id, CancellationToken ct) => inner.FindByIdAsync(id, ct);

    public Task<bool> ExistsAsync(string name, CancellationToken ct) => inner.ExistsAsync(name, ct);

    public Task AddAsync(ResourcePool pool, CancellationToken ct) => feed.AfterAsync(InventoryKind.ResourcePools, inner.AddAsync(pool, ct));

    public Task<bool> UpdateAsync(ResourcePool pool, CancellationToken ct) => feed.AfterAsync(InventoryKind.ResourcePools, inner.UpdateAsync(pool, ct));

    public Task<PoolDeletion> DeleteAsync(long id, CancellationToken ct) => feed.AfterAsync(InventoryKind.ResourcePools, inner.DeleteAsync(id, ct));
}
