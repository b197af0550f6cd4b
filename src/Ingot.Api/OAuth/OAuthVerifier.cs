using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ingot.Api.Wire;
using Ingot.Core.Metadata;
using Ingot.Core.Users;
using Microsoft.Extensions.Options;

namespace Ingot.Api.OAuth;

/// <summary>
/// Checks OAuth 1.0a credentials as MAAS (piston's <c>OAuthServer.verify_request</c>) does:
/// version 1.0 if given, a known token whose consumer matches, a timestamp not older than the window
/// (future ones pass), the PLAINTEXT signature <c>&amp;&lt;token secret&gt;</c> or the HMAC-SHA1 one
/// over the request's base string (<see cref="HmacSha1Signature"/>; the consumer secret is empty),
/// and a nonce not seen before for that consumer and token. Returns the token's user.
/// </summary>
internal sealed class OAuthVerifier(IUserStore users, IMachineTokenStore machineTokens, INonceLedger nonces, TimeProvider time, IOptions<ApiOptions> options)
{
    public const string PlainText = "PLAINTEXT";

    private const long MaxFutureSeconds = 24 * 60 * 60;

    public async Task<User> VerifyAsync(OAuthCredentials credentials, CancellationToken ct)
    {
        long timestamp = CheckVersionAndTimestamp(credentials);
        string tokenKey = credentials[OAuthCredentials.Token];
        if (await users.FindTokenAsync(tokenKey, ct) is not var (token, user))
        {
            throw OAuthFailure.Unauthorized($"Invalid access token: {tokenKey}");
        }

        await CheckAsync(credentials, timestamp, token.ConsumerKey, token.TokenKey, token.TokenSecret, ct);
        return user;
    }

    /// <summary>
    /// The metadata API's check: the same OAuth rules over machine tokens. A valid user token is
    /// not a machine (MAAS: 403 "Not authenticated as a known node."); an unknown token is a 401.
    /// </summary>
    public async Task<MachineToken> VerifyMachineAsync(OAuthCredentials credentials, CancellationToken ct)
    {
        long timestamp = CheckVersionAndTimestamp(credentials);
        string tokenKey = credentials[OAuthCredentials.Token];
        if (await machineTokens.FindByTokenKeyAsync(tokenKey, ct) is { } machine)
        {
            await CheckAsync(credentials, timestamp, machine.ConsumerKey, machine.TokenKey, machine.TokenSecret, ct);
            return machine;
        }

        _ = await VerifyAsync(credentials, ct);
        throw ApiException.Forbidden("Not authenticated as a known node.");
    }

    private static long CheckVersionAndTimestamp(OAuthCredentials credentials)
    {
        if (credentials.Get(OAuthCredentials.Version) is { } version && version != "1.0")
        {
            throw OAuthFailure.Unauthorized($"OAuth version {version} not supported.");
        }

        if (!long.TryParse(credentials[OAuthCredentials.Timestamp], NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp))
        {
            throw OAuthFailure.BadRequest($"Invalid oauth_timestamp: {credentials[OAuthCredentials.Timestamp]}");
        }

        return timestamp;
    }

    private async Task CheckAsync(OAuthCredentials credentials, long timestamp, string consumerKey, string tokenKey, string tokenSecret, CancellationToken ct)
    {
        if (!FixedEquals(consumerKey, credentials[OAuthCredentials.ConsumerKey]))
        {
            throw OAuthFailure.Unauthorized(OAuthFailure.InvalidConsumer);
        }

        long now = time.GetUtcNow().ToUnixTimeSeconds();
        long window = (long)options.Value.TimestampWindow.TotalSeconds;
        if (now - timestamp > window)
        {
            throw OAuthFailure.Unauthorized($"Expired timestamp: given {timestamp} and now {now} has a greater difference than threshold {window}");
        }

        string method = credentials[OAuthCredentials.SignatureMethod];
        string expected = method switch
        {
            PlainText => "&" + Uri.EscapeDataString(tokenSecret),
            HmacSha1Signature.Method when credentials.BaseString is { } baseString => HmacSha1Signature.Sign(baseString, "", tokenSecret),
            _ => throw OAuthFailure.Unauthorized($"Signature method {method} not supported try one of the following: {PlainText},{HmacSha1Signature.Method}"),
        };
        if (!FixedEquals(expected, credentials[OAuthCredentials.Signature]))
        {
            throw OAuthFailure.Unauthorized("Invalid signature.");
        }

        string nonce = credentials[OAuthCredentials.Nonce];
        // Future timestamps are accepted; their nonces are kept (pruning goes by timestamp) for at most a day ahead.
        DateTime recorded = DateTimeOffset.FromUnixTimeSeconds(Math.Min(timestamp, now + MaxFutureSeconds)).UtcDateTime;
        if (!await nonces.TryRecordAsync(consumerKey, tokenKey, nonce, recorded, ct))
        {
            throw OAuthFailure.Unauthorized($"Nonce already used: {nonce}");
        }
    }

    private static bool FixedEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
