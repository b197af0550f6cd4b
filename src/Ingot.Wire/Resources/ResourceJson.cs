using System.Text.Json;

namespace Ingot.Wire.Resources;

/// <summary>Writes the small objects the machine JSON nests: zone, pool, domain, VLAN and subnet.</summary>
public static class ResourceJson
{
    public static void WriteZone(Utf8JsonWriter writer, ZoneInfo zone)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, zone.Name);
        writer.WriteString("description"u8, zone.Description);
        writer.WriteNumber("id"u8, zone.Id);
        writer.WriteString("resource_uri"u8, ResourceUris.Zone(zone.Name));
        writer.WriteEndObject();
    }

    public static void WritePool(Utf8JsonWriter writer, PoolInfo pool)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, pool.Name);
        writer.WriteString("description"u8, pool.Description);
        writer.WriteNumber("id"u8, pool.Id);
        writer.WriteString("resource_uri"u8, ResourceUris.Pool(pool.Id));
        writer.WriteEndObject();
    }

    public static void WriteDomain(Utf8JsonWriter writer, DomainInfo domain)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("authoritative"u8, domain.Authoritative);
        WriteNullable(writer, "ttl"u8, domain.Ttl);
        writer.WriteBoolean("is_default"u8, domain.IsDefault);
        writer.WriteNumber("resource_record_count"u8, domain.ResourceRecordCount);
        writer.WriteNumber("id"u8, domain.Id);
        writer.WriteString("name"u8, domain.Name);
        writer.WriteString("resource_uri"u8, ResourceUris.Domain(domain.Id));
        writer.WriteEndObject();
    }

    public static void WriteVlan(Utf8JsonWriter writer, VlanInfo vlan)
    {
        writer.WriteStartObject();
        writer.WriteNumber("vid"u8, vlan.Vid);
        writer.WriteNumber("mtu"u8, vlan.Mtu);
        writer.WriteBoolean("dhcp_on"u8, vlan.DhcpOn);
        writer.WriteString("external_dhcp"u8, vlan.ExternalDhcp);
        // relay_vlan is the VLAN object DHCP is relayed to, or null.
        if (vlan.RelayVlan is { } relay)
        {
            writer.WritePropertyName("relay_vlan"u8);
            WriteVlan(writer, relay);
        }
        else
        {
            writer.WriteNull("relay_vlan"u8);
        }
        writer.WriteString("space"u8, vlan.Space);
        writer.WriteString("primary_rack"u8, vlan.PrimaryRack);
        writer.WriteString("secondary_rack"u8, vlan.SecondaryRack);
        writer.WriteString("fabric"u8, vlan.Fabric);
        writer.WriteNumber("id"u8, vlan.Id);
        writer.WriteNumber("fabric_id"u8, vlan.FabricId);
        writer.WriteString("name"u8, vlan.Name);
        writer.WriteString("resource_uri"u8, ResourceUris.Vlan(vlan.Id));
        writer.WriteEndObject();
    }

    public static void WriteSubnet(Utf8JsonWriter writer, SubnetInfo subnet)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, subnet.Name);
        writer.WritePropertyName("vlan"u8);
        WriteVlan(writer, subnet.Vlan);
        writer.WriteString("cidr"u8, subnet.Cidr);
        writer.WriteNumber("rdns_mode"u8, subnet.RdnsMode);
        writer.WriteString("gateway_ip"u8, subnet.GatewayIp);
        WriteStrings(writer, "dns_servers"u8, subnet.DnsServers);
        writer.WriteBoolean("allow_dns"u8, subnet.AllowDns);
        writer.WriteBoolean("allow_proxy"u8, subnet.AllowProxy);
        writer.WriteBoolean("active_discovery"u8, subnet.ActiveDiscovery);
        writer.WriteBoolean("managed"u8, subnet.Managed);
        writer.WriteString("space"u8, subnet.Space);
        writer.WriteNumber("id"u8, subnet.Id);
        writer.WriteString("resource_uri"u8, ResourceUris.Subnet(subnet.Id));
        writer.WriteString("description"u8, subnet.Description);
        WriteStrings(writer, "disabled_boot_architectures"u8, subnet.DisabledBootArchitectures);
        writer.WriteEndObject();
    }

    internal static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    internal static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
