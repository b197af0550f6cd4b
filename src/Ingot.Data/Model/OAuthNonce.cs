namespace Ingot.Data.Model;

/// <summary>One accepted OAuth nonce: unique per consumer and token (see <see cref="Stores.NonceLedger"/>).</summary>
public sealed class OAuthNonce
{
    public long Id { get; set; }

    public required string ConsumerKey { get; set; }

    public required string TokenKey { get; set; }

    public required string Nonce { get; set; }

    /// <summary>The request's <c>oauth_timestamp</c>, UTC.</summary>
    public DateTime Timestamp { get; set; }
}
