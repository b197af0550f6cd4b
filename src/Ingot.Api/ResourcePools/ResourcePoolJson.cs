using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.ResourcePools;

namespace Ingot.Api.ResourcePools;

/// <summary>A pool as MAAS's <c>ResourcePoolHandler</c> renders it: name, description, id, resource_uri (singular path, by id).</summary>
public static class ResourcePoolJson
{
    public static JsonObject Render(ResourcePool pool) => new()
    {
        ["name"] = pool.Name,
        ["description"] = pool.Description,
        ["id"] = pool.Id,
        ["resource_uri"] = ApiPaths.ResourceUri("resourcepool", pool.Id.ToString(CultureInfo.InvariantCulture)),
    };

    public static JsonArray RenderList(IEnumerable<ResourcePool> pools) => new([.. pools.Select(p => (JsonNode)Render(p))]);
}
