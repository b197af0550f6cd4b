using Ingot.Core.Networks;

namespace Ingot.Core.Changes;

/// <summary>An <see cref="INetworkStore"/> that publishes <see cref="InventoryKind.Networks"/> after every successful save.</summary>
public sealed class NotifyingNetworkStore(INetworkStore inner, InventoryChangeFeed feed) : INetworkStore
{
    public Task<NetworkModel> LoadAsync(CancellationToken ct) => inner.LoadAsync(ct);

    public async Task<bool> SaveAsync(NetworkChange change, CancellationToken ct)
    {
        bool saved = await inner.SaveAsync(change, ct).ConfigureAwait(false);
        if (saved)
        {
            feed.Publish(InventoryKind.Networks);
        }

        return saved;
    }
}
