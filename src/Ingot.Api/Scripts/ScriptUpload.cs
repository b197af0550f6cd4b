using System.Text;
using Ingot.Api.Wire;

namespace Ingot.Api.Scripts;

/// <summary>
/// What <c>scripts/</c> create and update read from a request (MAAS's handlers): the form fields, and
/// the script text from the <c>script</c> file, else from the one file sent (whose part name is then
/// the script's name), else from a <c>script</c> form field.
/// </summary>
internal static class ScriptUpload
{
    private static readonly HashSet<string> s_ignored = ["op", "script", "oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce", "oauth_version"];

    public static (Dictionary<string, string> Data, string? Script) Read(ApiRequest request)
    {
        ApiParameters form = request.Parameters;
        var data = form.Keys.Where(k => !s_ignored.Contains(k)).ToDictionary(k => k, k => form.Get(k) ?? "", StringComparer.Ordinal);
        string? script = form.Get("script");
        if (request.Files.FirstOrDefault(f => f.Name == "script") is { } file)
        {
            script = Decode(file);
        }
        else if (request.Files.Count == 1)
        {
            data["name"] = request.Files[0].Name;
            script = Decode(request.Files[0]);
        }

        return (data, script);
    }

    private static string Decode(ApiFile file) => Encoding.UTF8.GetString(file.Content.Span);
}
