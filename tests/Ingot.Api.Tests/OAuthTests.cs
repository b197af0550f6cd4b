using System.Net;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests;

public sealed class OAuthTests(ProbeHost host) : IClassFixture<ProbeHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long Now => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    private async Task<HttpResponseMessage> WhoAmIAsync(string? authorization, string path = "MAAS/api/2.0/users/?op=whoami")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await host.Anonymous().SendAsync(request, Ct);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string body)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Equal(body, await response.TextAsync());
        Assert.NotNull(response.Headers.Date);
    }

    [Fact]
    public async Task A_valid_key_in_the_oauthlib_shape_authenticates()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey));
        Assert.Equal(user.Username, (await response.JsonAsync()).GetProperty("username").GetString());
    }

    [Fact]
    public async Task A_valid_key_in_the_gomaasapi_shape_with_realm_and_escaped_values_authenticates()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey, gomaasapi: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unescaped_ampersand_signature_is_the_same_signature()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey, signature: "&" + user.ApiKey.Split(':')[2]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Oauth_parameters_in_the_query_string_authenticate()
    {
        ApiUser user = await host.CreateUserAsync();
        string[] key = user.ApiKey.Split(':');
        string query = $"op=echo&oauth_consumer_key={key[0]}&oauth_token={key[1]}&oauth_signature=%26{key[2]}&oauth_signature_method=PLAINTEXT&oauth_timestamp={Now}&oauth_nonce={Guid.NewGuid():N}";
        using var response = await WhoAmIAsync(null, $"MAAS/api/2.0/probe/?{query}");
        Assert.Equal(user.Username, (await response.JsonAsync()).GetProperty("user").GetString());
    }

    [Fact]
    public async Task A_wrong_secret_is_401_Invalid_signature()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey, signature: "%26wrong"));
        await AssertUnauthorizedAsync(response, "Authorization Error: 'Invalid signature.'");
        Assert.Equal("OAuth realm=\"OAuth\"", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task An_unknown_token_is_401_Invalid_access_token()
    {
        using var response = await WhoAmIAsync(OAuthSigner.Header("ckey:nosuchtoken:secret"));
        await AssertUnauthorizedAsync(response, "Authorization Error: 'Invalid access token: nosuchtoken'");
    }

    [Fact]
    public async Task A_token_with_another_consumer_key_is_401_Invalid_API_key()
    {
        ApiUser user = await host.CreateUserAsync();
        string[] key = user.ApiKey.Split(':');
        using var response = await WhoAmIAsync(OAuthSigner.Header($"other:{key[1]}:{key[2]}"));
        await AssertUnauthorizedAsync(response, "Authorization Error: Invalid API key.");
    }

    [Fact]
    public async Task A_timestamp_older_than_300_seconds_is_401_Expired_timestamp()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey, timestamp: Now - 400));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Matches(@"^Authorization Error: 'Expired timestamp: given \d+ and now \d+ has a greater difference than threshold 300'$", await response.TextAsync());
    }

    [Fact]
    public async Task A_timestamp_in_the_future_is_accepted_as_MAAS_accepts_it()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey, timestamp: Now + 3600));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_replayed_nonce_is_401_Nonce_already_used()
    {
        ApiUser user = await host.CreateUserAsync();
        string header = OAuthSigner.Header(user.ApiKey, nonce: "85542881335078985901795694221");
        using var first = await WhoAmIAsync(header);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var replay = await WhoAmIAsync(header);
        await AssertUnauthorizedAsync(replay, "Authorization Error: 'Nonce already used: 85542881335078985901795694221'");
    }

    [Fact]
    public async Task A_nonce_is_per_token_so_another_user_may_use_the_same_one()
    {
        ApiUser one = await host.CreateUserAsync();
        ApiUser two = await host.CreateUserAsync();
        using var first = await WhoAmIAsync(OAuthSigner.Header(one.ApiKey, nonce: "same"));
        using var second = await WhoAmIAsync(OAuthSigner.Header(two.ApiKey, nonce: "same"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task A_wrong_signature_does_not_burn_the_nonce()
    {
        ApiUser user = await host.CreateUserAsync();
        using var bad = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey, nonce: "n-1", signature: "%26nope"));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        using var good = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey, nonce: "n-1"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Theory]
    [InlineData("OAuth garbage")]
    [InlineData("OAuth oauth_token, oauth_nonce")]
    [InlineData("OAuth ,,,=")]
    public async Task A_malformed_oauth_header_is_401_and_not_a_crash(string header)
    {
        using var response = await WhoAmIAsync(header);
        await AssertUnauthorizedAsync(response, "Authorization Error: 'Unable to parse OAuth parameters from Authorization header.'");
    }

    [Fact]
    public async Task A_non_integer_timestamp_is_400()
    {
        ApiUser user = await host.CreateUserAsync();
        string header = OAuthSigner.Header(user.ApiKey).Replace($"oauth_timestamp=\"", "oauth_timestamp=\"x", StringComparison.Ordinal);
        using var response = await WhoAmIAsync(header);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Bad Request: Invalid oauth_timestamp: x", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_other_than_1_0_and_a_signature_method_other_than_PLAINTEXT_are_401()
    {
        ApiUser user = await host.CreateUserAsync();
        using var version = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey).Replace("oauth_version=\"1.0\"", "oauth_version=\"2.0\"", StringComparison.Ordinal));
        await AssertUnauthorizedAsync(version, "Authorization Error: 'OAuth version 2.0 not supported.'");
        using var method = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey, method: "RSA-SHA1"));
        await AssertUnauthorizedAsync(method, "Authorization Error: 'Signature method RSA-SHA1 not supported try one of the following: PLAINTEXT,HMAC-SHA1'");
    }

    [Fact]
    public async Task An_incomplete_set_of_oauth_parameters_is_anonymous_so_users_answers_the_401_challenge()
    {
        using var none = await WhoAmIAsync(null);
        await AssertUnauthorizedAsync(none, "Forbidden");
        using var partial = await WhoAmIAsync("OAuth oauth_token=\"abc\"");
        await AssertUnauthorizedAsync(partial, "Forbidden");
        using var bearer = await WhoAmIAsync("Bearer abc");
        await AssertUnauthorizedAsync(bearer, "Forbidden");
    }

    [Fact]
    public async Task Anonymous_callers_reach_the_anonymous_handler_where_one_exists()
    {
        using var anon = await WhoAmIAsync(null, "MAAS/api/2.0/probe/?op=anon_echo");
        var json = await anon.JsonAsync();
        Assert.Equal("anon_echo", json.GetProperty("op").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("user").ValueKind);

        using var authOnlyOp = await WhoAmIAsync(null, "MAAS/api/2.0/probe/?op=echo");
        Assert.Equal(HttpStatusCode.BadRequest, authOnlyOp.StatusCode);
        Assert.Equal("Unrecognised signature: method=GET op=echo", await authOnlyOp.TextAsync());

        using var post = await host.Anonymous().PostAsync("MAAS/api/2.0/probe/?op=echo", null, Ct);
        await AssertUnauthorizedAsync(post, "Forbidden");
    }

    [Fact]
    public async Task Invalid_credentials_are_refused_even_where_anonymous_access_exists()
    {
        using var response = await WhoAmIAsync(OAuthSigner.Header("c:nosuchtoken:s"), "MAAS/api/2.0/probe/?op=anon_echo");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Version_ignores_credentials_even_invalid_ones()
    {
        using var response = await WhoAmIAsync(OAuthSigner.Header("c:nosuchtoken:s"), "MAAS/api/2.0/version/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_inactive_user_is_403()
    {
        ApiUser user = await host.CreateUserAsync(isActive: false);
        using var response = await WhoAmIAsync(OAuthSigner.Header(user.ApiKey));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("User is not allowed access to this API.", await response.TextAsync());
    }
}
