namespace Ingot.Core.Users;

/// <summary>
/// OAuth nonce replay protection (MAAS stores nonces per consumer and token, and purges old ones):
/// a nonce is accepted once per (consumer key, token key). Shared by every region on one database,
/// so two regions cannot both accept the same nonce.
/// </summary>
public interface INonceLedger
{
    /// <summary>
    /// Records the nonce; false when it was already recorded for this consumer and token (a replay).
    /// <paramref name="timestamp"/> is the request's <c>oauth_timestamp</c> (UTC), used for pruning.
    /// </summary>
    Task<bool> TryRecordAsync(string consumerKey, string tokenKey, string nonce, DateTime timestamp, CancellationToken ct);

    /// <summary>
    /// Forgets nonces whose timestamp is before <paramref name="olderThan"/>: requests that old are
    /// refused by the timestamp window anyway. Returns how many were forgotten.
    /// </summary>
    Task<int> PruneAsync(DateTime olderThan, CancellationToken ct);
}
