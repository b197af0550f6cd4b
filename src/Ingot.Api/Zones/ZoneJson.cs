using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.Zones;

namespace Ingot.Api.Zones;

/// <summary>A zone as MAAS's <c>ZoneHandler</c> renders it: name, description, id, resource_uri (by name).</summary>
public static class ZoneJson
{
    public static JsonObject Render(Zone zone) => new()
    {
        ["name"] = zone.Name,
        ["description"] = zone.Description,
        ["id"] = zone.Id,
        ["resource_uri"] = ApiPaths.ResourceUri("zones", zone.Name),
    };

    public static JsonArray RenderList(IEnumerable<Zone> zones) => new([.. zones.Select(z => (JsonNode)Render(z))]);
}
