using Ingot.Core.BootResources;

namespace Ingot.Core.Changes;

/// <summary>An <see cref="IBootResourceStore"/> that publishes <see cref="InventoryKind.BootResources"/> after every write.</summary>
public sealed class NotifyingBootResourceStore(IBootResourceStore inner, InventoryChangeFeed feed) : IBootResourceStore
{
    public Task<IReadOnlyList<BootResource>> ListAsync(BootResourceType? type, CancellationToken ct) => inner.ListAsync(type, ct);

    public Task<BootResource?> FindAsync(long id, CancellationToken ct) => inner.FindAsync(id, ct);

    public Task<BootResource?> FindAsync(BootResourceType type, string name, string architecture, CancellationToken ct) =>
        inner.FindAsync(type, name, architecture, ct);

    public Task AddAsync(BootResource resource, CancellationToken ct) => feed.AfterAsync(InventoryKind.BootResources, inner.AddAsync(resource, ct));

    public Task<bool> AddSetAsync(long resourceId, BootResourceSet set, CancellationToken ct) =>
        feed.AfterAsync(InventoryKind.BootResources, inner.AddSetAsync(resourceId, set, ct));

    public Task UpdateFileAsync(BootResourceFile file, CancellationToken ct) => feed.AfterAsync(InventoryKind.BootResources, inner.UpdateFileAsync(file, ct));

    public Task<BootResource?> DeleteAsync(long id, CancellationToken ct) => feed.AfterAsync(InventoryKind.BootResources, inner.DeleteAsync(id, ct));

    public Task<bool> IsContentUsedAsync(string sha256, CancellationToken ct) => inner.IsContentUsedAsync(sha256, ct);
}
