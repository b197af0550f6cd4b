namespace Ingot.Core.Metadata;

/// <summary>
/// A POSIX shell function, <c>maas_auth</c>, that prints the <c>Authorization</c> header MAAS's
/// in-image helpers send (OAuth 1.0a PLAINTEXT, signature <c>&amp;&lt;token secret&gt;</c> URL-encoded,
/// a fresh nonce and the current timestamp), for the scripts Ingot hands to machines. Token parts
/// are letters and digits (<see cref="MachineTokens"/>), so they need no quoting beyond single quotes.
/// </summary>
public static class ShellOAuth
{
    public static string Function(MachineToken token) => Function(token.ConsumerKey, token.TokenKey, token.TokenSecret);

    public static string Function(string consumerKey, string tokenKey, string tokenSecret)
    {
        foreach (string part in new[] { consumerKey, tokenKey, tokenSecret })
        {
            if (!part.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException("Token parts must be letters and digits.", nameof(consumerKey));
            }
        }

        return $$"""
            maas_auth() {
                nonce="$(date +%s)$$$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
                printf 'OAuth oauth_version="1.0", oauth_signature_method="PLAINTEXT", oauth_consumer_key="%s", oauth_token="%s", oauth_signature="%%26%s", oauth_nonce="%s", oauth_timestamp="%s"' \
                    '{{consumerKey}}' '{{tokenKey}}' '{{tokenSecret}}' "$nonce" "$(date +%s)"
            }

            """;
    }
}
