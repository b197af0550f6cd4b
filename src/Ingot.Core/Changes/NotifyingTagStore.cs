using Ingot.Core.Tags;

namespace Ingot.Core.Changes;

/// <summary>An <see cref="ITagStore"/> that publishes <see cref="InventoryKind.Tags"/> after every write.</summary>
public sealed class NotifyingTagStore(ITagStore inner, InventoryChangeFeed feed) : ITagStore
{
    public Task<IReadOnlyList<Tag>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task<Tag?> FindAsync(string name, CancellationToken ct) => inner.FindAsync(name, ct);

    public Task<bool> ExistsAsync(string name, CancellationToken ct) => inner.ExistsAsync(name, ct);

    public Task<IReadOnlyList<string>> MachinesAsync(string name, CancellationToken ct) => inner.MachinesAsync(name, ct);

    public Task AddAsync(Tag tag, CancellationToken ct) => feed.AfterAsync(InventoryKind.Tags, inner.AddAsync(tag, ct));

    public Task<bool> UpdateAsync(Tag tag, CancellationToken ct) => feed.AfterAsync(InventoryKind.Tags, inner.UpdateAsync(tag, ct));

    public Task<bool> DeleteAsync(string name, CancellationToken ct) => feed.AfterAsync(InventoryKind.Tags, inner.DeleteAsync(name, ct));
}
