using System.Text.RegularExpressions;

namespace Ingot.Client;

/// <summary>
/// The API URL of a profile, normalised as <c>maas login</c> does: a trailing slash, and <c>api/2.0/</c>
/// appended unless the path already ends in <c>/api/N.N/</c>.
/// </summary>
public static partial class ApiUrl
{
    public static bool TryNormalise(string text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? given) || given.Scheme is not ("http" or "https"))
        {
            return false;
        }

        string path = given.AbsolutePath.EndsWith('/') ? given.AbsolutePath : given.AbsolutePath + "/";
        if (!VersionedPath().IsMatch(path))
        {
            path += "api/2.0/";
        }

        url = new UriBuilder(given) { Path = path, Query = "", Fragment = "" }.Uri;
        return true;
    }

    [GeneratedRegex(@"/api/[0-9]+\.[0-9]+/$")]
    private static partial Regex VersionedPath();
}
