namespace Ingot.Core.Changes;

/// <summary>
/// In-process notice that zones, pools, tags, users, the network model or boot resources were written,
/// raised after the store's write returned (the counterpart of
/// <see cref="Machines.Changes.MachineChangeFeed"/> for everything that is not a machine). Like it, it
/// reaches only subscribers in this process.
/// </summary>
public sealed class InventoryChangeFeed
{
    /// <summary>Raised with the kind that changed; handlers must not throw or block.</summary>
    public event Action<InventoryKind>? Changed;

    public void Publish(InventoryKind kind) => Changed?.Invoke(kind);

    /// <summary>Runs <paramref name="write"/>, then publishes <paramref name="kind"/> (not when it threw).</summary>
    public async Task<T> AfterAsync<T>(InventoryKind kind, Task<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        T result = await write.ConfigureAwait(false);
        Publish(kind);
        return result;
    }

    /// <summary>Runs <paramref name="write"/>, then publishes <paramref name="kind"/> (not when it threw).</summary>
    public async Task AfterAsync(InventoryKind kind, Task write)
    {
        ArgumentNullException.ThrowIfNull(write);
        await write.ConfigureAwait(false);
        Publish(kind);
    }
}
