namespace Ingot.Core.Users;

/// <summary>
/// An API key as MAAS hands it out: an OAuth consumer (key, name) with an access token
/// (key, secret). Written as <c>consumer_key:token_key:token_secret</c>. The secret is encrypted at rest.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string ConsumerKey { get; set; }

    public required string TokenKey { get; set; }

    public required string TokenSecret { get; set; }

    public string Name { get; set; } = "";

    public DateTime Created { get; set; }

    public string ApiKey => $"{ConsumerKey}:{TokenKey}:{TokenSecret}";
}
