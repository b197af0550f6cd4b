using System.Globalization;
using System.Text.Json;
using Ingot.Api.Wire;
using Ingot.Core.Networks;
using Ingot.Wire.Resources;

namespace Ingot.Api.Networks;

/// <summary>MAAS's fabric, VLAN, space, subnet, IP range and IP address objects (<c>src/maasserver/api/{fabrics,vlans,spaces,subnets,ipranges,ip_addresses}.py</c>).</summary>
internal static class NetworkJson
{
    public static ApiResult List<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write) => ApiResult.Json(w =>
    {
        w.WriteStartArray();
        foreach (T item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    });

    public static ApiResult One(Action<Utf8JsonWriter> write) => ApiResult.Json(write);

    public static void WriteFabric(Utf8JsonWriter w, NetworkModel model, Fabric fabric)
    {
        w.WriteStartObject();
        w.WriteNumber("id", fabric.Id);
        w.WriteString("name", fabric.DisplayName);
        w.WriteString("description", fabric.Description);
        w.WriteString("class_type", fabric.ClassType);
        w.WriteStartArray("vlans");
        foreach (Vlan vlan in model.Vlans.Where(v => v.FabricId == fabric.Id).OrderBy(v => v.Vid))
        {
            ResourceJson.WriteVlan(w, NetworkInfos.Vlan(model, vlan));
        }

        w.WriteEndArray();
        w.WriteString("resource_uri", ApiPaths.ResourceUri("fabrics", Id(fabric.Id)));
        w.WriteEndObject();
    }

    public static void WriteVlan(Utf8JsonWriter w, NetworkModel model, Vlan vlan) => ResourceJson.WriteVlan(w, NetworkInfos.Vlan(model, vlan));

    public static void WriteSubnet(Utf8JsonWriter w, NetworkModel model, Subnet subnet) => ResourceJson.WriteSubnet(w, NetworkInfos.Subnet(model, subnet));

    public static void WriteSpace(Utf8JsonWriter w, NetworkModel model, Space space)
    {
        w.WriteStartObject();
        w.WriteNumber("id", space.Id);
        w.WriteString("name", space.DisplayName);
        w.WriteString("description", space.Description);
        List<Vlan> vlans = [.. model.Vlans.Where(v => v.SpaceId == space.Id)];
        w.WriteStartArray("vlans");
        vlans.ForEach(v => WriteVlan(w, model, v));
        w.WriteEndArray();
        w.WriteStartArray("subnets");
        foreach (Subnet subnet in vlans.SelectMany(v => model.SubnetsOn(v.Id)))
        {
            WriteSubnet(w, model, subnet);
        }

        w.WriteEndArray();
        w.WriteString("resource_uri", ApiPaths.ResourceUri("spaces", Id(space.Id)));
        w.WriteEndObject();
    }

    public static void WriteRange(Utf8JsonWriter w, NetworkModel model, IpRange range)
    {
        w.WriteStartObject();
        w.WriteNumber("id", range.Id);
        w.WriteString("type", range.TypeName);
        w.WriteString("start_ip", range.StartIp);
        w.WriteString("end_ip", range.EndIp);
        w.WriteString("comment", range.Comment);
        WriteUser(w, range.User);
        w.WritePropertyName("subnet");
        WriteSubnet(w, model, model.Subnet(range.SubnetId)!);
        w.WriteString("resource_uri", ApiPaths.ResourceUri("ipranges", Id(range.Id)));
        w.WriteEndObject();
    }

    public static void WriteAddress(Utf8JsonWriter w, NetworkModel model, StaticIpAddress address)
    {
        w.WriteStartObject();
        w.WriteNumber("alloc_type", (int)address.AllocType);
        w.WriteString("alloc_type_name", address.AllocTypeName);
        w.WriteString("created", address.Created.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        w.WriteString("ip", address.Ip);
        w.WritePropertyName("subnet");
        WriteSubnet(w, model, model.Subnet(address.SubnetId)!);
        w.WriteStartArray("interface_set");
        w.WriteEndArray();
        WriteUser(w, address.User);
        w.WriteString("resource_uri", ApiPaths.ResourceUri("ipaddresses"));
        w.WriteEndObject();
    }

    /// <summary>A subnet's <c>reserved_ip_ranges</c> (with purposes) or <c>unreserved_ip_ranges</c>.</summary>
    public static ApiResult Spans(IReadOnlyList<AddressSpan> spans, bool withPurpose) => List(spans, (w, span) =>
    {
        w.WriteStartObject();
        w.WriteString("start", span.Start.ToString());
        w.WriteString("end", span.End.ToString());
        if (withPurpose)
        {
            ResourceJsonStrings(w, "purpose", span.Purposes);
        }

        WriteCount(w, "num_addresses", span.Size);
        w.WriteEndObject();
    });

    /// <summary>MAAS's <c>subnets/{id}/?op=statistics</c>.</summary>
    public static ApiResult Statistics(SubnetUsage usage) => ApiResult.Json(w =>
    {
        IReadOnlyList<AddressSpan> free = usage.Unreserved();
        UInt128 available = free.Aggregate(UInt128.Zero, (sum, run) => sum + run.Size);
        UInt128 total = usage.Total;
        double fraction = total == 0 ? 0 : (double)(total - available) / (double)total;
        w.WriteStartObject();
        WriteCount(w, "num_available", available);
        WriteCount(w, "largest_available", free.Count == 0 ? 0 : free.Max(r => r.Size));
        WriteCount(w, "num_unavailable", total - available);
        WriteCount(w, "total_addresses", total);
        w.WriteNumber("usage", fraction);
        w.WriteString("usage_string", $"{Math.Round(fraction * 100).ToString(CultureInfo.InvariantCulture)}%");
        w.WriteString("available_string", $"{Math.Round((1 - fraction) * 100).ToString(CultureInfo.InvariantCulture)}%");
        w.WriteString("first_address", Core.Networks.IpNumbers.FromNumber(usage.First, usage.Family).ToString());
        w.WriteString("last_address", Core.Networks.IpNumbers.FromNumber(usage.Last, usage.Family).ToString());
        w.WriteNumber("ip_version", usage.Family == System.Net.Sockets.AddressFamily.InterNetwork ? 4 : 6);
        w.WriteEndObject();
    });

    private static void WriteUser(Utf8JsonWriter w, string? username)
    {
        if (username is null)
        {
            w.WriteNull("user");
            return;
        }

        w.WriteStartObject("user");
        w.WriteString("username", username);
        w.WriteString("resource_uri", ApiPaths.ResourceUri("users", username));
        w.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter w, string name, UInt128 value)
    {
        if (value <= ulong.MaxValue)
        {
            w.WriteNumber(name, (ulong)value);
        }
        else
        {
            w.WritePropertyName(name);
            w.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void ResourceJsonStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
