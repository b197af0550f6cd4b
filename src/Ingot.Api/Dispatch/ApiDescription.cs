using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Api.Wire;

namespace Ingot.Api.Dispatch;

/// <summary>
/// <c>GET /MAAS/api/2.0/describe/</c> built from the registered resources, so it is always true:
/// <c>{"doc": "MAAS API", "hash", "resources": [{name, anon, auth}], "handlers": [...]}</c> with
/// every key sorted, as MAAS dumps it. Each handler has name, doc, params, path, uri and its actions
/// (name, method, op, restful, doc) sorted by name. The hash is the SHA-1 of the canonical
/// description without the request-dependent <c>uri</c>s and without itself.
/// </summary>
internal static class ApiDescription
{
    public static JsonObject Build(IReadOnlyList<ApiResource> resources, string hash, string origin)
    {
        JsonObject description = Describe(resources, origin);
        description["hash"] = hash;
        return Sorted(description);
    }

    public static string HashOf(IReadOnlyList<ApiResource> resources)
    {
        string canonical = Sorted(Describe(resources, origin: null)).ToJsonString();
#pragma warning disable CA5350 // MAAS's describe hash is SHA-1; it identifies a document, it protects nothing.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(canonical)));
#pragma warning restore CA5350
    }

    private static JsonObject Describe(IReadOnlyList<ApiResource> resources, string? origin)
    {
        // A handler served at two paths (MAAS's singular and plural aliases) is described once, at the first.
        var ordered = resources.DistinctBy(r => r.Name).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var described = ordered.Select(r => new JsonObject
        {
            ["name"] = r.Name,
            ["anon"] = r.Anon is null ? null : Handler(r, r.Anon, origin),
            ["auth"] = r.Auth is null ? null : Handler(r, r.Auth, origin),
        }).ToList();
        var handlers = new JsonArray();
        foreach (ApiResource r in ordered.Where(r => r.Anon is not null))
        {
            handlers.Add(Handler(r, r.Anon!, origin));
        }

        foreach (ApiResource r in ordered.Where(r => r.Auth is not null))
        {
            handlers.Add(Handler(r, r.Auth!, origin));
        }

        return new JsonObject
        {
            ["doc"] = "MAAS API",
            ["resources"] = new JsonArray([.. described]),
            ["handlers"] = handlers,
        };
    }

    private static JsonObject Handler(ApiResource resource, ApiHandler handler, string? origin)
    {
        string path = ApiPaths.Prefix + resource.Path;
        var described = new JsonObject
        {
            ["name"] = handler.Name,
            ["doc"] = handler.Doc,
            ["params"] = new JsonArray([.. resource.Params.Select(p => (JsonNode)p)]),
            ["path"] = path,
            ["actions"] = new JsonArray([.. handler.Actions.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a.Name,
                ["method"] = a.Method,
                ["op"] = a.Op,
                ["restful"] = a.Restful,
                ["doc"] = a.Doc,
            })]),
        };
        if (origin is not null)
        {
            described["uri"] = origin + path;
        }

        return described;
    }

    /// <summary>A copy with every object's keys in ordinal order (Python's <c>sort_keys=True</c>).</summary>
    private static JsonObject Sorted(JsonObject node) => (JsonObject)Sort(node)!;

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sort)]),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString(), documentOptions: new JsonDocumentOptions()),
    };
}
