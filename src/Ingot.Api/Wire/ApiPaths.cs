namespace Ingot.Api.Wire;

/// <summary>
/// MAAS's URL prefixes, and absolute <c>resource_uri</c> paths as MAAS renders them
/// (<c>/MAAS/api/2.0/machines/4y3h7n/</c>): clients such as gomaasapi use them as request paths.
/// </summary>
public static class ApiPaths
{
    public const string Root = "/MAAS/";

    public const string Prefix = "/MAAS/api/2.0/";

    /// <summary>
    /// <c>/MAAS/api/2.0/</c> + the segments, each percent-escaped, with a trailing slash:
    /// <c>ResourceUri("users", "admin")</c> is <c>/MAAS/api/2.0/users/admin/</c>.
    /// </summary>
    public static string ResourceUri(params string[] segments) =>
        Prefix + string.Concat(segments.Select(s => Uri.EscapeDataString(s) + "/"));
}
