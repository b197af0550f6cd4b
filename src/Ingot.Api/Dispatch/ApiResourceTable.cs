using Ingot.Api.Wire;

namespace Ingot.Api.Dispatch;

/// <summary>
/// Every registered <see cref="ApiResource"/>, matched against request paths segment by segment:
/// literals exactly (so the trailing slash matters, as in MAAS), <c>{params}</c> as one non-empty
/// segment. Built once from the resources in the container; two resources on one path are a bug.
/// </summary>
internal sealed class ApiResourceTable
{
    private readonly List<(string[] Segments, ApiResource Resource)> _routes = [];

    public ApiResourceTable(IEnumerable<ApiResource> resources)
    {
        foreach (ApiResource resource in resources)
        {
            if (_routes.Any(r => r.Resource.Path == resource.Path))
            {
                throw new InvalidOperationException($"Two API resources are registered on {resource.Path}.");
            }

            _routes.Add((resource.Path.Split('/'), resource));
        }

        Resources = [.. _routes.Select(r => r.Resource)];
        Hash = ApiDescription.HashOf(Resources);
    }

    public IReadOnlyList<ApiResource> Resources { get; }

    /// <summary>The <c>describe/</c> hash, also sent as <c>X-MAAS-API-Hash</c>.</summary>
    public string Hash { get; }

    /// <summary>The resource for <paramref name="relativePath"/> (after <c>/MAAS/api/2.0/</c>) and its path parameters.</summary>
    public (ApiResource Resource, IReadOnlyDictionary<string, string> Route)? Match(string relativePath)
    {
        string[] segments = relativePath.Split('/');
        foreach ((string[] template, ApiResource resource) in _routes)
        {
            if (template.Length == segments.Length && TryBind(template, segments, out Dictionary<string, string> route))
            {
                return (resource, route);
            }
        }

        return null;
    }

    private static bool TryBind(string[] template, string[] segments, out Dictionary<string, string> route)
    {
        route = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < template.Length; i++)
        {
            string part = template[i];
            if (part.Length > 2 && part[0] == '{' && part[^1] == '}')
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                route[part[1..^1]] = segments[i];
            }
            else if (part != segments[i])
            {
                return false;
            }
        }

        return true;
    }
}
