using System.Globalization;
using System.Text.Json;
using Ingot.Api.Wire;
using Ingot.Wire.Resources;

namespace Ingot.Api.Networks;

/// <summary>Lists of VLANs and subnets (Ingot.Wire's objects) and MAAS's fabric object: id, name, class_type, vlans, resource_uri.</summary>
internal static class NetworkJson
{
    public static ApiResult Fabrics(NetworkTopology topology) => ApiResult.Json(w =>
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteNumber("id", NetworkTopology.FabricId);
        w.WriteString("name", NetworkTopology.FabricName);
        w.WriteNull("class_type");
        w.WritePropertyName("vlans");
        WriteVlans(w, topology.Vlans);
        w.WriteString("resource_uri", ApiPaths.ResourceUri("fabrics", NetworkTopology.FabricId.ToString(CultureInfo.InvariantCulture)));
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static ApiResult Vlans(NetworkTopology topology) => ApiResult.Json(w => WriteVlans(w, topology.Vlans));

    public static ApiResult Subnets(NetworkTopology topology) => ApiResult.Json(w =>
    {
        w.WriteStartArray();
        foreach (SubnetInfo subnet in topology.Subnets)
        {
            ResourceJson.WriteSubnet(w, subnet);
        }

        w.WriteEndArray();
    });

    private static void WriteVlans(Utf8JsonWriter w, IReadOnlyList<VlanInfo> vlans)
    {
        w.WriteStartArray();
        foreach (VlanInfo vlan in vlans)
        {
            ResourceJson.WriteVlan(w, vlan);
        }

        w.WriteEndArray();
    }
}
