using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ingot.Api.OAuth;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests;

/// <summary>
/// OAuth 1.0 HMAC-SHA1 (RFC 5849 §3.4.2), accepted alongside PLAINTEXT as piston accepts both: the
/// base string from the RFC's own example, and signed requests through HTTP — query and
/// form-urlencoded body parameters are part of what is signed, so changing one fails.
/// The test signs independently of the server's code (its own encoding and HMAC).
/// </summary>
public sealed class OAuthHmacSha1Tests(ProbeHost host) : IClassFixture<ProbeHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_base_string_of_the_rfc_example_request_is_the_rfcs()
    {
        // RFC 5849 §3.4.1.1: POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b, body c2&a3=2+q, the header's oauth_ parameters.
        (string, string)[] parameters =
        [
            ("b5", "=%3D"), ("a3", "a"), ("c@", ""), ("a2", "r b"), ("c2", ""), ("a3", "2 q"),
            ("oauth_consumer_key", "9djdj82h48djs9d2"), ("oauth_token", "kkk9d7dh3k39sjv7"),
            ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "137131201"), ("oauth_nonce", "7d8f3e4a"),
        ];
        string uri = HmacSha1Signature.BaseUri("HTTP", "Example.com", 80, "/request");

        string baseString = HmacSha1Signature.BaseString("post", uri, parameters.Select(p => KeyValuePair.Create(p.Item1, p.Item2)));

        Assert.Equal(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
            baseString);
    }

    [Fact]
    public void The_signature_of_the_rfc_photos_example_matches_an_independent_computation()
    {
        // RFC 5849 §1.2's request; the value was computed separately with Python's hmac and urllib.
        string baseString = HmacSha1Signature.BaseString("GET", "http://photos.example.net/photos",
        [
            KeyValuePair.Create("file", "vacation.jpg"), KeyValuePair.Create("size", "original"),
            KeyValuePair.Create("oauth_consumer_key", "dpf43f3p2l4k3l03"), KeyValuePair.Create("oauth_token", "nnch734d00sl2jdk"),
            KeyValuePair.Create("oauth_signature_method", "HMAC-SHA1"), KeyValuePair.Create("oauth_timestamp", "137131202"),
            KeyValuePair.Create("oauth_nonce", "chapoH"),
        ]);

        Assert.Equal("MdpQcU8iPSUjWoN/UDMsK2sui9I=", HmacSha1Signature.Sign(baseString, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"));
    }

    [Fact]
    public async Task A_get_signed_with_hmac_sha1_over_its_query_authenticates()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Anonymous();
        using var request = Signed(client, HttpMethod.Get, "MAAS/api/2.0/users/", [("op", "whoami")], null, user.ApiKey);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Username, (await response.JsonAsync()).GetProperty("username").GetString());
    }

    [Fact]
    public async Task A_post_signed_with_hmac_sha1_over_its_form_body_authenticates_and_a_changed_body_does_not()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Anonymous();
        (string, string)[] form = [("op", "create_authorisation_token"), ("name", "signed token é")];
        using var good = Signed(client, HttpMethod.Post, "MAAS/api/2.0/account/", [], form, user.ApiKey);
        using var ok = await client.SendAsync(good, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var tampered = Signed(client, HttpMethod.Post, "MAAS/api/2.0/account/", [], form, user.ApiKey,
            body: [("op", "create_authorisation_token"), ("name", "another name")]);
        using var refused = await client.SendAsync(tampered, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Authorization Error: 'Invalid signature.'", await refused.TextAsync());
    }

    [Fact]
    public async Task An_hmac_sha1_signature_with_the_wrong_secret_or_another_query_is_401_invalid_signature()
    {
        ApiUser user = await host.CreateUserAsync();
        string[] key = user.ApiKey.Split(':');
        using HttpClient client = host.Anonymous();

        using var wrongSecret = Signed(client, HttpMethod.Get, "MAAS/api/2.0/users/", [("op", "whoami")], null, $"{key[0]}:{key[1]}:not-the-secret");
        using var refused = await client.SendAsync(wrongSecret, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Authorization Error: 'Invalid signature.'", await refused.TextAsync());

        using var otherQuery = Signed(client, HttpMethod.Get, "MAAS/api/2.0/users/", [("op", "whoami")], null, user.ApiKey, sentQuery: "op=whoami&extra=1");
        using var refusedToo = await client.SendAsync(otherQuery, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedToo.StatusCode);
    }

    /// <summary>A request signed with HMAC-SHA1 over <paramref name="query"/> and <paramref name="form"/>; <paramref name="body"/> and <paramref name="sentQuery"/> replace what is sent.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "The signature method under test is HMAC-SHA1.")]
    private static HttpRequestMessage Signed(
        HttpClient client, HttpMethod method, string path, (string, string)[] query, (string, string)[]? form, string apiKey,
        (string, string)[]? body = null, string? sentQuery = null)
    {
        string[] key = apiKey.Split(':');
        (string, string)[] oauth =
        [
            ("oauth_consumer_key", key[0]), ("oauth_token", key[1]), ("oauth_signature_method", "HMAC-SHA1"),
            ("oauth_timestamp", TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ("oauth_nonce", Guid.NewGuid().ToString("N")), ("oauth_version", "1.0"),
        ];
        Uri uri = new(client.BaseAddress!, path);
        string normalised = string.Join("&", query.Concat(form ?? []).Concat(oauth)
            .Select(p => (Name: Escape(p.Item1), Value: Escape(p.Item2)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        string baseString = $"{method.Method}&{Escape($"http://{uri.Host}:{uri.Port}{uri.AbsolutePath}")}&{Escape(normalised)}";
        string signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes("&" + Escape(key[2])), Encoding.UTF8.GetBytes(baseString)));

        string sent = sentQuery ?? string.Join("&", query.Select(p => $"{Escape(p.Item1)}={Escape(p.Item2)}"));
        var request = new HttpRequestMessage(method, sent.Length == 0 ? path : $"{path}?{sent}");
        request.Headers.TryAddWithoutValidation("Authorization", "OAuth realm=\"\", "
            + string.Join(", ", oauth.Append(("oauth_signature", signature)).Select(p => $"{p.Item1}=\"{Escape(p.Item2)}\"")));
        if ((body ?? form) is { } fields)
        {
            request.Content = new FormUrlEncodedContent(fields.Select(p => KeyValuePair.Create(p.Item1, p.Item2)));
        }

        return request;
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' ? c.ToString() : $"%{b:X2}");
        }

        return text.ToString();
    }
}
