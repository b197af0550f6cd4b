using System.Text.Json;
using Ingot.Core.Hardware;

namespace Ingot.Data.Stores;

/// <summary>
/// A comparable text form of a machine's disks and interfaces, so that a save rewrites the child
/// rows only when the hardware actually changed (most saves are status changes).
/// </summary>
internal static class HardwareFingerprint
{
    public static string Of(IEnumerable<BlockDevice> disks) => JsonSerializer.Serialize(disks.Select(d => new
    {
        d.Id,
        d.Name,
        d.Model,
        d.Serial,
        d.SizeBytes,
        d.BlockSize,
        d.Tags,
        d.IsBootDisk,
    }));

    public static string Of(IEnumerable<NetworkInterface> interfaces) => JsonSerializer.Serialize(interfaces.Select(i => new
    {
        i.Id,
        i.Name,
        Mac = i.MacAddress.ToString(),
        Type = i.Type.ToString(),
        i.LinkSpeed,
        i.Enabled,
        i.Parents,
        i.Vlan,
        Links = i.Links.Select(l => new { Mode = l.Mode.ToString(), l.Subnet, l.IpAddress }),
    }));
}
