namespace Ingot.Core.Users;

/// <summary>
/// The OAuth nonces already seen, for replay protection (MAAS stores them per consumer and token
/// and purges them once their timestamp is outside the accepted window). One ledger must be shared
/// by every region process that serves the API, or a request replayed to another region passes.
/// </summary>
public interface INonceLedger
{
    /// <summary>
    /// Records <paramref name="nonce"/> for this consumer and token until <paramref name="keepUntil"/>;
    /// false when it was already recorded (a replay).
    /// </summary>
    ValueTask<bool> TryRecordAsync(string consumerKey, string tokenKey, string nonce, DateTimeOffset keepUntil, CancellationToken ct);
}
