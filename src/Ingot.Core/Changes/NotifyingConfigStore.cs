using Ingot.Core.Config;

namespace Ingot.Core.Changes;

/// <summary>An <see cref="IConfigStore"/> that publishes <see cref="InventoryKind.Settings"/> after every write.</summary>
public sealed class NotifyingConfigStore(IConfigStore inner, InventoryChangeFeed feed) : IConfigStore
{
    public Task<string?> GetAsync(string name, CancellationToken ct) => inner.GetAsync(name, ct);

    public Task SetAsync(string name, string value, CancellationToken ct) => feed.AfterAsync(InventoryKind.Settings, inner.SetAsync(name, value, ct));

    public Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken ct) => inner.AllAsync(ct);
}
