using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Ingot.Wire.Resources;

/// <summary>
/// MAAS's absolute <c>resource_uri</c> paths under <c>/MAAS/api/2.0/</c>. gomaasapi posts to a machine's
/// <c>resource_uri</c>, so they must be absolute paths; most end in a slash, partitions do not.
/// </summary>
public static class ResourceUris
{
    public const string ApiRoot = "/MAAS/api/2.0/";

    public static string Machine(string systemId) => $"{ApiRoot}machines/{systemId}/";

    public static string Interface(string systemId, long interfaceId) => $"{ApiRoot}nodes/{systemId}/interfaces/{interfaceId}/";

    public static string BlockDevice(string systemId, long deviceId) => $"{ApiRoot}nodes/{systemId}/blockdevices/{deviceId}/";

    public static string NodeDevice(string systemId, long deviceId) => $"{ApiRoot}nodes/{systemId}/devices/{deviceId}/";

    public static string Partition(string systemId, long deviceId, long partitionId) =>
        $"{ApiRoot}nodes/{systemId}/blockdevices/{deviceId}/partition/{partitionId}";

    /// <summary>Zones are addressed by name, not id.</summary>
    public static string Zone(string name) => $"{ApiRoot}zones/{name}/";

    /// <summary>Pools live under the singular <c>resourcepool/</c> path.</summary>
    public static string Pool(long id) => $"{ApiRoot}resourcepool/{id}/";

    public static string Domain(long id) => $"{ApiRoot}domains/{id}/";

    public static string Vlan(long id) => $"{ApiRoot}vlans/{id}/";

    public static string Subnet(long id) => $"{ApiRoot}subnets/{id}/";

    /// <summary>Writes <c>"resource_uri"</c> for a machine without allocating a string.</summary>
    internal static void WriteMachine(Utf8JsonWriter writer, string systemId)
    {
        Span<byte> uri = stackalloc byte[MaxStackUri];
        if (Utf8.TryWrite(uri, CultureInfo.InvariantCulture, $"{ApiRoot}machines/{systemId}/", out int written))
        {
            writer.WriteString(ResourceUriName, uri[..written]);
        }
        else
        {
            writer.WriteString(ResourceUriName, Machine(systemId));
        }
    }

    /// <summary>Writes <c>"resource_uri"</c> for an interface without allocating a string.</summary>
    internal static void WriteInterface(Utf8JsonWriter writer, string systemId, long interfaceId)
    {
        Span<byte> uri = stackalloc byte[MaxStackUri];
        if (Utf8.TryWrite(uri, CultureInfo.InvariantCulture, $"{ApiRoot}nodes/{systemId}/interfaces/{interfaceId}/", out int written))
        {
            writer.WriteString(ResourceUriName, uri[..written]);
        }
        else
        {
            writer.WriteString(ResourceUriName, Interface(systemId, interfaceId));
        }
    }

    /// <summary>Writes <c>"resource_uri"</c> for a block device without allocating a string.</summary>
    internal static void WriteBlockDevice(Utf8JsonWriter writer, string systemId, long deviceId)
    {
        Span<byte> uri = stackalloc byte[MaxStackUri];
        if (Utf8.TryWrite(uri, CultureInfo.InvariantCulture, $"{ApiRoot}nodes/{systemId}/blockdevices/{deviceId}/", out int written))
        {
            writer.WriteString(ResourceUriName, uri[..written]);
        }
        else
        {
            writer.WriteString(ResourceUriName, BlockDevice(systemId, deviceId));
        }
    }

    private const int MaxStackUri = 256;

    private static ReadOnlySpan<byte> ResourceUriName => "resource_uri"u8;
}
