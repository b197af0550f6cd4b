namespace Ingot.Core.Networks;

/// <summary>
/// Where the network model lives. Every write is compare-and-set on the model's version, so two
/// changes decided on the same snapshot cannot both be written (two overlapping ranges, one address
/// reserved twice).
/// </summary>
public interface INetworkStore
{
    Task<NetworkModel> LoadAsync(CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="change"/> if the model is still at its expected version and returns true
    /// (added rows get their ids); returns false and writes nothing otherwise.
    /// </summary>
    Task<bool> SaveAsync(NetworkChange change, CancellationToken ct);
}
