using System.Text;
using Ingot.Api.Wire;

namespace Ingot.Api.OAuth;

/// <summary>
/// OAuth refusals with MAAS's bodies: <c>OAuthUnauthorized</c> renders the OAuth error as
/// <c>Authorization Error: &lt;Python repr of the message&gt;</c> (an unknown consumer as
/// <c>Authorization Error: Invalid API key.</c>), 401 with <c>WWW-Authenticate: OAuth realm="OAuth"</c>.
/// </summary>
internal static class OAuthFailure
{
    public const string InvalidConsumer = "Invalid consumer.";

    private static readonly IReadOnlyDictionary<string, string> s_challenge =
        new Dictionary<string, string> { ["WWW-Authenticate"] = "OAuth realm=\"OAuth\"" };

    public static ApiException Unauthorized(string oauthMessage) =>
        new(401, oauthMessage == InvalidConsumer ? "Authorization Error: Invalid API key." : $"Authorization Error: {PythonRepr(oauthMessage)}", s_challenge);

    /// <summary>piston's <c>OAuthBadRequest</c> (e.g. a timestamp that is not an integer): 400.</summary>
    public static ApiException BadRequest(string oauthMessage) => ApiException.BadRequest($"Bad Request: {oauthMessage}");

    /// <summary>Python's <c>repr()</c> of a string: single quotes unless it holds one and no double quote.</summary>
    internal static string PythonRepr(string text)
    {
        char quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var repr = new StringBuilder().Append(quote);
        foreach (char c in text)
        {
            repr.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => $"\\{c}",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return repr.Append(quote).ToString();
    }
}
