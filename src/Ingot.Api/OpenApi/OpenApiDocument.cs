using System.Text.Json.Nodes;
using Ingot.Api.Version;
using Ingot.Api.Wire;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.OpenApi;

/// <summary>
/// An OpenAPI 3 document of every registered resource, built from the same table as
/// <c>describe/</c>: one path per resource (relative to the server <c>/MAAS/api/2.0</c>), one
/// operation per HTTP method; a method's MAAS ops are the enum of its <c>op</c> query parameter
/// (required when the method has no plain action) and are listed one by one under <c>x-maas-ops</c>
/// with their docs and parameters. Path parameters come from the path, the others from the
/// actions' <c>:param</c> lines: query parameters for GET and DELETE, form fields for POST and PUT.
/// </summary>
internal static class OpenApiDocument
{
    public static JsonObject Build(IReadOnlyList<ApiResource> resources)
    {
        var paths = new JsonObject();
        foreach (ApiResource resource in resources.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            paths["/" + resource.Path] = PathItem(resource);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "MAAS API",
                ["version"] = VersionApi.Version,
                ["description"] = "The MAAS REST API 2.0 as Ingot serves it. Operations other than the plain CRUD ones are chosen with the `op` parameter.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = ApiPaths.Prefix.TrimEnd('/') }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["oauth"] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = "Authorization",
                        ["description"] = "OAuth 1.0a with the PLAINTEXT signature, from an API key consumer:token:secret.",
                    },
                },
            },
        };
    }

    private static JsonObject PathItem(ApiResource resource)
    {
        var item = new JsonObject();
        if (resource.Params.Count > 0)
        {
            item["parameters"] = new JsonArray([.. resource.Params.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            })]);
        }

        // The authenticated handler's actions, then the anonymous handler's others (piston pairs them).
        List<(ApiAction Action, bool Anonymous)> actions = [.. (resource.Auth?.Actions ?? []).Select(a => (a, false))];
        foreach (ApiAction action in resource.Anon?.Actions ?? [])
        {
            if (!actions.Any(a => a.Action.Method == action.Method && a.Action.Op == action.Op))
            {
                actions.Add((action, true));
            }
        }

        foreach (IGrouping<string, (ApiAction Action, bool Anonymous)> method in actions.GroupBy(a => a.Action.Method))
        {
            item[method.Key.ToLowerInvariant()] = OpenApiOperation.Build(resource, method.Key, [.. method]);
        }

        return item;
    }

    /// <summary>Whether a method reads its parameters from the query string (as MAAS's handlers do).</summary>
    public static bool InQuery(string method) => HttpMethods.IsGet(method) || HttpMethods.IsDelete(method);
}
