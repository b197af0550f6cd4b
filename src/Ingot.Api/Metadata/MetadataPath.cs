namespace Ingot.Api.Metadata;

/// <summary>
/// A path under <c>/MAAS/metadata/</c> split as MAAS's URL patterns read it: extra slashes are
/// tolerated, <c>enlist/</c> forces the anonymous handlers, <c>curtin/</c> serves curtin's
/// user-data, then a version and the rest.
/// </summary>
/// <param name="Segments">The non-empty path segments after the prefix (and after <c>enlist</c>/<c>curtin</c>).</param>
/// <param name="Enlist">The path began with <c>enlist/</c>.</param>
/// <param name="Curtin">The path began with <c>curtin/</c>.</param>
internal sealed record MetadataPath(IReadOnlyList<string> Segments, bool Enlist, bool Curtin)
{
    public const string Prefix = "/MAAS/metadata";

    public static readonly string[] Versions = ["2012-03-01", "latest"];

    public static MetadataPath Parse(string path)
    {
        string relative = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : path;
        List<string> segments = [.. relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
        bool enlist = segments.Count > 0 && segments[0] == "enlist";
        bool curtin = segments.Count > 0 && segments[0] == "curtin";
        return new MetadataPath(enlist || curtin ? segments[1..] : segments, enlist, curtin);
    }

    /// <summary>The version segment, or null for the root.</summary>
    public string? Version => Segments.Count > 0 ? Segments[0] : null;

    /// <summary>The segments after the version.</summary>
    public IReadOnlyList<string> Rest => Segments.Count > 1 ? [.. Segments.Skip(1)] : [];
}
