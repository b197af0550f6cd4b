using System.Text.Json.Nodes;
using Ingot.Core.Users;

namespace Ingot.Api.Account;

/// <summary>API tokens as MAAS renders them.</summary>
public static class TokenJson
{
    /// <summary><c>create_authorisation_token</c> and <c>accounts/authenticate/</c>: the four keys.</summary>
    public static JsonObject Credentials(ApiToken token) => new()
    {
        ["token_key"] = token.TokenKey,
        ["token_secret"] = token.TokenSecret,
        ["consumer_key"] = token.ConsumerKey,
        ["name"] = token.Name,
    };

    /// <summary><c>list_authorisation_tokens</c>: the consumer name and the whole key.</summary>
    public static JsonObject Listed(ApiToken token) => new()
    {
        ["name"] = token.Name,
        ["token"] = token.ApiKey,
    };
}
